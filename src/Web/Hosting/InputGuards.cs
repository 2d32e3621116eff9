using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Registry.Core.Forms;

namespace Registry.Web.Hosting;

/// <summary>
/// The edge every form passes before a page sees it, so that no input yields a server error (issue 26 item 7): an
/// unreadable form or a NUL/control character is a 400; a checkbox sends only true or false; a date outside
/// 1900–2199 is a validation message; an arithmetic overflow in a handler (an absurd amount) is a 400, not a 500.
/// </summary>
internal sealed class InputGuards(IStringLocalizer localizer) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        options.Filters.Add(new FormGuardFilter());
        options.Filters.Add(new OverflowFilter());
        options.ModelBinderProviders.Insert(0, new GuardedBinderProvider(localizer));
    }

    /// <summary>Reads the form once, after the page's own size limits (order 900); refuses what no field may hold.</summary>
    private sealed class FormGuardFilter : IAsyncResourceFilter, IOrderedFilter
    {
        public int Order => 1000;

        public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
        {
            var request = context.HttpContext.Request;
            // The error page re-executed for a refused form must not refuse it again.
            var features = context.HttpContext.Features;
            if (request.HasFormContentType && features.Get<IStatusCodeReExecuteFeature>() is null && features.Get<IExceptionHandlerFeature>() is null)
            {
                IFormCollection form;
                try
                {
                    form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
                }
                catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or FormatException)
                {
                    context.Result = new BadRequestResult();
                    return;
                }

                if (form.Any(field => HasForbiddenCharacter(field.Key) || field.Value.Any(v => v is not null && HasForbiddenCharacter(v))))
                {
                    context.Result = new BadRequestResult();
                    return;
                }
            }

            await next();
        }

        // NUL and the other C0 controls except tab, line feed and carriage return: no text a person types holds them,
        // and PostgreSQL refuses NUL in text.
        private static bool HasForbiddenCharacter(string value) =>
            value.AsSpan().IndexOfAnyInRange('\0', '\u0008') >= 0 || value.AsSpan().IndexOfAnyInRange('\u000B', '\u000C') >= 0 || value.AsSpan().IndexOfAnyInRange('\u000E', '\u001F') >= 0;
    }

    /// <summary>
    /// Checked arithmetic on an absurd input throws <see cref="OverflowException"/>: that is bad input, answered 400. So is
    /// a post that names no handler the page has (a form whose buttons each name one, posted without them): the page
    /// would otherwise render without having loaded what it shows.
    /// </summary>
    private sealed class OverflowFilter : IAsyncPageFilter, IAsyncActionFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var method = context.HttpContext.Request.Method;
            if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
            {
                context.Result = new BadRequestResult();
                return;
            }

            var executed = await next();
            if (executed.Exception is OverflowException && !executed.ExceptionHandled)
            {
                executed.ExceptionHandled = true;
                executed.Result = new BadRequestResult();
            }
        }

        public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
        {
            var executed = await next();
            if (executed.Exception is OverflowException && !executed.ExceptionHandled)
            {
                executed.ExceptionHandled = true;
                executed.Result = new BadRequestResult();
            }
        }
    }

    private sealed class GuardedBinderProvider(IStringLocalizer localizer) : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
            if (type == typeof(bool))
            {
                return new CheckboxBinder(localizer);
            }

            if (type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
            {
                var loggers = context.Services.GetRequiredService<ILoggerFactory>();
                return new BoundedDateBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, loggers), localizer);
            }

            return null;
        }
    }

    /// <summary>
    /// A checkbox posts "true" (or "on") when ticked and the hidden "false" otherwise. Anything else is an error whose
    /// attempted value is reset to "false", so re-rendering the checkbox does not throw on it.
    /// </summary>
    private sealed class CheckboxBinder(IStringLocalizer localizer) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (values == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }

            var first = values.FirstValue ?? "";
            bool? value = first.Trim().ToUpperInvariant() switch
            {
                "TRUE" or "ON" => true,
                "FALSE" => false,
                "" => bindingContext.ModelMetadata.IsReferenceOrNullableType ? null : false,
                _ => null,
            };
            if (value is null && first.Trim().Length > 0)
            {
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, false, "false");
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, localizer["Validation.ValueInvalid", bindingContext.ModelMetadata.GetDisplayName()]);
                bindingContext.Result = ModelBindingResult.Failed();
                return Task.CompletedTask;
            }

            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, values);
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
    }

    private sealed class BoundedDateBinder(IModelBinder inner, IStringLocalizer localizer) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (!bindingContext.Result.IsModelSet || bindingContext.Result.Model is not { } model)
            {
                return;
            }

            var day = model switch
            {
                DateOnly d => d,
                DateTime t => DateOnly.FromDateTime(t),
                DateTimeOffset o => DateOnly.FromDateTime(o.Date),
                _ => InputLimits.MinDate,
            };
            if (!InputLimits.IsSaneDate(day))
            {
                bindingContext.ModelState.TryAddModelError(
                    bindingContext.ModelName,
                    localizer["Validation.Range", bindingContext.ModelMetadata.GetDisplayName(), InputLimits.MinDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), InputLimits.MaxDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
                bindingContext.Result = ModelBindingResult.Failed();
            }
        }
    }
}
