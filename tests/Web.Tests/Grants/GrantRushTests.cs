using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Grants.Domain;
using Registry.Testing;
using Registry.Web.Data;
using static Registry.Web.Tests.Grants.GrantSteps;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>
/// Issue 23 (the call's last minute): the same start or submission sent twice at once yields one draft and one
/// submission, held by the database (a unique index, row versions), not only by a check; over HTTP, on each provider.
/// </summary>
public abstract class GrantRushTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    [Fact]
    public async Task Start_TwiceAtOnce_BothOpenTheOneUntouchedDraft()
    {
        var roundId = await app.OpenRoundAsync();
        var organizationId = await app.OrganizationIdAsync(MemberServiceCentre);
        var userId = await app.UserIdAsync(DemoApplicant.Email);
        var client = await app.SignedInClientAsync(DemoApplicant);
        var url = $"/Grants/My?RoundId={roundId}";
        var forms = await Task.WhenAll(client.ReadFormAsync(url, "[data-testid=start-form]"), client.ReadFormAsync(url, "[data-testid=start-form]"));
        var fields = new Dictionary<string, string>
        {
            ["RoundId"] = roundId.ToString(CultureInfo.InvariantCulture),
            ["OrganizationId"] = organizationId.ToString(CultureInfo.InvariantCulture),
        };

        var responses = await Task.WhenAll(forms.Select(form => client.PostFormAsync(form, fields, "Start")));

        responses.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Redirect]);
        responses[0].Headers.Location.ShouldBe(responses[1].Headers.Location);
        var drafts = await app.WithAsync<RegistryDbContext, int>(db => db.Set<GrantApplication>()
            .CountAsync(a => a.RoundId == roundId && a.OrganizationId == organizationId && a.ApplicantUserId == userId));
        drafts.ShouldBe(1);
    }

    [Fact]
    public async Task UntouchedDraft_SecondForTheSameAccountOrganizationAndRound_RefusedByTheDatabase()
    {
        var roundId = await app.OpenRoundAsync();
        var organizationId = await app.OrganizationIdAsync(MemberServiceCentre);
        var userId = await app.UserIdAsync(DemoApplicant.Email);
        GrantApplication Draft() => new() { RoundId = roundId, OrganizationId = organizationId, ApplicantUserId = userId, CreatedAt = app.Clock.GetUtcNow().UtcDateTime, UpdatedAt = app.Clock.GetUtcNow().UtcDateTime };
        await app.WithAsync<RegistryDbContext, int>(db =>
        {
            db.Add(Draft());
            return db.SaveChangesAsync();
        });

        await Should.ThrowAsync<DbUpdateException>(() => app.WithAsync<RegistryDbContext, int>(db =>
        {
            db.Add(Draft());
            return db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Submit_SameDraftTwiceAtOnce_OneSubmissionOneAuditEntry()
    {
        var id = await app.DraftAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("抢报同一项目"));
        var client = await app.SignedInClientAsync(DemoApplicant);
        var url = $"/Grants/Application/{id}";
        var forms = await Task.WhenAll(client.ReadFormAsync(url, "#grant-form"), client.ReadFormAsync(url, "#grant-form"));

        // The declarations ticked as a browser sends them (the form helper keeps the hidden "false" after the checkbox).
        var declared = new Dictionary<string, string> { ["Form.NoOtherFunding"] = "true", ["Form.NoMajorViolation"] = "true" };

        var responses = await Task.WhenAll(forms.Select(form => client.PostFormAsync(form, declared, "Submit")));

        // One goes in; the other finds the draft changed (a conflict) or already submitted, and says so on the page.
        responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        (await app.ApplicationAsync(id)).State.ShouldBe(GrantState.Submitted);
        var key = id.ToString(CultureInfo.InvariantCulture);
        var audited = await app.WithAsync<RegistryDbContext, int>(db => db.Set<AuditEntry>().CountAsync(e => e.Action == "grants.application-submitted" && e.EntityId == key));
        audited.ShouldBe(1);
    }
}

public sealed class GrantRushTestsOnSqlite(GrantsSqliteApp app) : GrantRushTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class GrantRushTestsOnPostgreSql(GrantsPostgreSqlApp app) : GrantRushTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
