using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Grants.Services;

/// <summary>Committed, paid and repaid money of a round (fen): committed is the agreed amount of signed or closed agreements.</summary>
public sealed record RoundMoney(long CommittedFen, long PaidFen, long RefundRequiredFen, long RefundedFen)
{
    public long RemainingFen => CommittedFen - PaidFen;
}

/// <summary>
/// Money of agreements: payments on tranches (never beyond the tranche's due amount or the committed total, never on a
/// tranche whose evaluation failed or is not done), refunds required (e.g. after a failed final evaluation) and their
/// repayments. Every step audited, the organization told.
/// </summary>
public sealed class GrantMoneyService(
    DbContext db,
    IOrganizationNotifier organizations,
    IAuditTrail audit,
    ICurrentActor actor,
    TimeProvider clock)
{
    /// <summary>Records a payment on a tranche of a signed agreement (loaded with its tranches and payments).</summary>
    public async Task<OperationResult> RecordPaymentAsync(AgreementRecord file, int trancheId, long amountFen, DateOnly paidOn, string? reference, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var agreement = file.Agreement;
        if (agreement.Tranches.SingleOrDefault(t => t.Id == trancheId) is not { } tranche)
        {
            return OperationResult.Fail("", "Grant.Error.WrongState");
        }

        var errors = PaymentRules.CheckPayment(agreement, tranche, file.StatusOf(tranche), amountFen, paidOn, reference, ChinaTime.Today(clock));
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        db.ExpectVersion(agreement, seenVersion);
        var now = clock.GetUtcNow().UtcDateTime;
        tranche.Payments.Add(new GrantPayment { AgreementId = agreement.Id, PaidOn = paidOn, AmountFen = amountFen, Reference = reference!.Trim(), RecordedBy = actor.Name, RecordedAt = now });
        // The agreement's row version guards the sums: two officers paying the same tranche at once cannot both pass the check.
        GrantAgreementService.Touch(db, agreement, now);
        audit.Record("grants.payment", nameof(GrantAgreement), GrantAgreementService.Id(agreement), $"tranche {tranche.Index}: {new Money(amountFen).Format()} on {paidOn:yyyy-MM-dd}, {reference.Trim()}");
        var values = GrantAgreementService.Values(agreement);
        values["amount"] = new Money(amountFen).Format();
        values["tranche"] = tranche.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await organizations.NotifyAsync(agreement.OrganizationId, "Grant.Project.Paid", values, GrantAgreementService.Link(agreement), cancellationToken);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>
    /// Requires the organization to pay back <paramref name="amountFen"/> (at most what was paid and not yet asked back), with
    /// the reason; the organization is told. Called by the final evaluation when it fails with a refund, and by the officer.
    /// Nothing is saved here: the refund is tracked in the shared context and stored by the caller's next SaveChanges (with
    /// the evaluation that asked for it, in one transaction).
    /// </summary>
    public async Task<OperationResult> RequireRefundAsync(int agreementId, long amountFen, string? reason, CancellationToken cancellationToken)
    {
        var agreement = await db.Set<GrantAgreement>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == agreementId, cancellationToken);
        if (agreement is null || agreement.State != AgreementState.Signed)
        {
            return OperationResult.Fail("", "Grant.Project.Error.NotSigned");
        }

        var paid = await db.Set<GrantPayment>().Where(p => p.AgreementId == agreementId).SumAsync(p => p.AmountFen, cancellationToken);
        var required = await db.Set<GrantRefund>().Where(r => r.AgreementId == agreementId).SumAsync(r => r.RequiredFen, cancellationToken)
            + db.ChangeTracker.Entries<GrantRefund>().Where(e => e.State == EntityState.Added && e.Entity.AgreementId == agreementId).Sum(e => e.Entity.RequiredFen);
        var errors = PaymentRules.CheckRefund(paid, required, amountFen, reason);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        db.Add(new GrantRefund { AgreementId = agreementId, RequiredFen = amountFen, Reason = reason!.Trim(), RequiredOn = ChinaTime.Today(clock), RequiredBy = actor.Name });
        audit.Record("grants.refund-required", nameof(GrantAgreement), GrantAgreementService.Id(agreement), $"{new Money(amountFen).Format()}: {reason.Trim()}");
        var values = GrantAgreementService.Values(agreement);
        values["amount"] = new Money(amountFen).Format();
        values["reason"] = reason.Trim();
        await organizations.NotifyAsync(agreement.OrganizationId, "Grant.Project.RefundRequired", values, GrantAgreementService.Link(agreement), cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>The officer records a refund the organization must pay back (see <see cref="RequireRefundAsync"/>) and saves.</summary>
    public async Task<OperationResult> RecordRefundAsync(GrantAgreement agreement, long amountFen, string? reason, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var result = await RequireRefundAsync(agreement.Id, amountFen, reason, cancellationToken);
        if (!result.Succeeded)
        {
            return result;
        }

        db.ExpectVersion(agreement, seenVersion);
        GrantAgreementService.Touch(db, agreement, clock.GetUtcNow().UtcDateTime);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Records money paid back towards a refund, never more than is outstanding.</summary>
    public async Task<OperationResult> RecordRepaymentAsync(GrantAgreement agreement, int refundId, long amountFen, DateOnly repaidOn, string? reference, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var refund = await db.Set<GrantRefund>().Include(r => r.Repayments).SingleOrDefaultAsync(r => r.Id == refundId && r.AgreementId == agreement.Id, cancellationToken);
        if (refund is null)
        {
            return OperationResult.Fail("", "Grant.Error.WrongState");
        }

        var errors = PaymentRules.CheckRepayment(agreement, refund, amountFen, repaidOn, reference, ChinaTime.Today(clock));
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        db.ExpectVersion(agreement, seenVersion);
        var now = clock.GetUtcNow().UtcDateTime;
        refund.Repayments.Add(new GrantRepayment { AgreementId = agreement.Id, RepaidOn = repaidOn, AmountFen = amountFen, Reference = reference!.Trim(), RecordedBy = actor.Name, RecordedAt = now });
        GrantAgreementService.Touch(db, agreement, now);
        audit.Record("grants.repayment", nameof(GrantAgreement), GrantAgreementService.Id(agreement), $"refund {refund.Id}: {new Money(amountFen).Format()} on {repaidOn:yyyy-MM-dd}, {reference.Trim()}");
        var values = GrantAgreementService.Values(agreement);
        values["amount"] = new Money(amountFen).Format();
        values["outstanding"] = new Money(refund.OutstandingFen).Format();
        await organizations.NotifyAsync(agreement.OrganizationId, "Grant.Project.Repaid", values, GrantAgreementService.Link(agreement), cancellationToken);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>The round's money, summed in the database.</summary>
    public async Task<RoundMoney> OfRoundAsync(int roundId, CancellationToken cancellationToken)
    {
        var agreements = db.Set<GrantAgreement>().Where(a => a.RoundId == roundId);
        var committed = await agreements.Where(a => a.State == AgreementState.Signed || a.State == AgreementState.Closed).SumAsync(a => a.AgreedFen, cancellationToken);
        var paid = await db.Set<GrantPayment>().Where(p => agreements.Any(a => a.Id == p.AgreementId)).SumAsync(p => p.AmountFen, cancellationToken);
        var required = await db.Set<GrantRefund>().Where(r => agreements.Any(a => a.Id == r.AgreementId)).SumAsync(r => r.RequiredFen, cancellationToken);
        var repaid = await db.Set<GrantRepayment>().Where(r => agreements.Any(a => a.Id == r.AgreementId)).SumAsync(r => r.AmountFen, cancellationToken);
        return new RoundMoney(committed, paid, required, repaid);
    }
}
