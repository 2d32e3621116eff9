using Registry.Core.Finance;
using Registry.Core.Forms;

namespace Registry.Grants.Domain;

/// <summary>A tranche as the plan gives it: order, percentage, amount due in fen and its condition.</summary>
public sealed record TrancheShare(int Index, int Percent, long DueFen, TrancheCondition Condition);

/// <summary>
/// The agreed amount split into tranches by the round's plan (e.g. 50/30/20): exact in fen, the parts always add up to
/// the agreed amount (largest remainder, a tie going to the earlier tranche). The first tranche is paid on signing, the
/// last after the final evaluation passed, any between after the mid-term passed. An empty plan is one tranche on signing.
/// </summary>
public static class TrancheSplit
{
    public static IReadOnlyList<TrancheShare> Split(long agreedFen, IReadOnlyList<int> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfNegative(agreedFen);
        IReadOnlyList<int> percents = plan.Count == 0 ? [100] : plan;
        var parts = Money.Split(new Money(agreedFen), percents);
        return [.. percents.Select((percent, i) => new TrancheShare(i + 1, percent, parts[i].Fen, ConditionOf(i, percents.Count)))];
    }

    public static TrancheCondition ConditionOf(int position, int count) =>
        position == 0 ? TrancheCondition.OnSigning : position == count - 1 ? TrancheCondition.FinalPassed : TrancheCondition.MidTermPassed;

    /// <summary>The plan is whole percentages, each above 0, adding up to 100.</summary>
    public static bool IsValidPlan(IReadOnlyList<int> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Count > 0 && plan.All(p => p > 0) && plan.Sum() == 100;
    }
}

/// <summary>Whether a tranche may be paid now.</summary>
public enum TrancheStatus
{
    /// <summary>Its condition is met.</summary>
    Payable,

    /// <summary>Its condition is not decided yet (agreement unsigned or the evaluation not done).</summary>
    Waiting,

    /// <summary>The evaluation it waits on failed: it cannot be paid.</summary>
    Blocked,
}

/// <summary>Tranche conditions against the agreement's state and its evaluations' outcomes.</summary>
public static class TranchePayability
{
    public static TrancheStatus Status(TrancheCondition condition, AgreementState state, EvaluationOutcome? midTerm, EvaluationOutcome? final)
    {
        if (state is not (AgreementState.Signed or AgreementState.Closed))
        {
            return TrancheStatus.Waiting;
        }

        var outcome = condition switch
        {
            TrancheCondition.OnSigning => EvaluationOutcome.Pass,
            TrancheCondition.MidTermPassed => midTerm,
            _ => final,
        };
        return outcome switch
        {
            null => TrancheStatus.Waiting,
            EvaluationOutcome.Fail => TrancheStatus.Blocked,
            _ => TrancheStatus.Payable,
        };
    }

    public static bool Passed(EvaluationOutcome? outcome) => outcome is EvaluationOutcome.Pass or EvaluationOutcome.PassWithConditions;
}

/// <summary>Checks of money going out and coming back: never more than due or committed, never on a blocked tranche.</summary>
public static class PaymentRules
{
    public const int MaxReference = 100;

    /// <summary>Every problem with paying <paramref name="amountFen"/> on <paramref name="tranche"/> on <paramref name="paidOn"/>.</summary>
    public static IReadOnlyList<FormError> CheckPayment(GrantAgreement agreement, GrantTranche tranche, TrancheStatus status, long amountFen, DateOnly paidOn, string? reference, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(tranche);
        var errors = new List<FormError>();
        if (agreement.State != AgreementState.Signed)
        {
            errors.Add(new FormError("", "Grant.Project.Error.NotSigned"));
            return errors;
        }

        if (status == TrancheStatus.Blocked)
        {
            errors.Add(new FormError("", "Grant.Project.Error.TrancheBlocked", tranche.Index));
        }
        else if (status == TrancheStatus.Waiting)
        {
            errors.Add(new FormError("", "Grant.Project.Error.TrancheWaiting", tranche.Index));
        }

        if (amountFen <= 0)
        {
            errors.Add(new FormError("Amount", "Grant.Project.Error.AmountPositive"));
        }
        else if (amountFen > tranche.UnpaidFen)
        {
            errors.Add(new FormError("Amount", "Grant.Project.Error.OverTranche", new Money(tranche.UnpaidFen).Format()));
        }
        else if (checked(agreement.PaidFen + amountFen) > agreement.AgreedFen)
        {
            errors.Add(new FormError("Amount", "Grant.Project.Error.OverCommitted", new Money(agreement.AgreedFen - agreement.PaidFen).Format()));
        }

        errors.AddRange(DateAndReference(paidOn, agreement.SignedOn, reference, today));
        return errors;
    }

    /// <summary>Every problem with a repayment of <paramref name="amountFen"/> towards <paramref name="refund"/>.</summary>
    public static IReadOnlyList<FormError> CheckRepayment(GrantAgreement agreement, GrantRefund refund, long amountFen, DateOnly repaidOn, string? reference, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(refund);
        var errors = new List<FormError>();
        if (amountFen <= 0)
        {
            errors.Add(new FormError("Amount", "Grant.Project.Error.AmountPositive"));
        }
        else if (amountFen > refund.OutstandingFen)
        {
            errors.Add(new FormError("Amount", "Grant.Project.Error.OverRefund", new Money(refund.OutstandingFen).Format()));
        }

        errors.AddRange(DateAndReference(repaidOn, refund.RequiredOn, reference, today));
        return errors;
    }

    /// <summary>A refund is more than 0 and at most what was paid and not yet asked back.</summary>
    public static IReadOnlyList<FormError> CheckRefund(long paidFen, long alreadyRequiredFen, long amountFen, string? reason)
    {
        var errors = new List<FormError>();
        if (amountFen <= 0)
        {
            errors.Add(new FormError("Amount", "Grant.Project.Error.AmountPositive"));
        }
        else if (amountFen > paidFen - alreadyRequiredFen)
        {
            errors.Add(new FormError("Amount", "Grant.Project.Error.OverPaid", new Money(paidFen - alreadyRequiredFen).Format()));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new FormError("Reason", "Validation.Required", "Grant.Project.Field.RefundReason"));
        }
        else if (reason.Length > 2000)
        {
            errors.Add(new FormError("Reason", "Validation.MaxLength", "Grant.Project.Field.RefundReason", 2000));
        }

        return errors;
    }

    private static IEnumerable<FormError> DateAndReference(DateOnly on, DateOnly? notBefore, string? reference, DateOnly today)
    {
        if (on > today)
        {
            yield return new FormError("On", "Grant.Project.Error.FutureDate");
        }
        else if (notBefore is { } first && on < first)
        {
            yield return new FormError("On", "Grant.Project.Error.DateTooEarly", first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (string.IsNullOrWhiteSpace(reference))
        {
            yield return new FormError("Reference", "Validation.Required", "Grant.Project.Field.Reference");
        }
        else if (reference.Length > MaxReference)
        {
            yield return new FormError("Reference", "Validation.MaxLength", "Grant.Project.Field.Reference", MaxReference);
        }
    }
}

/// <summary>
/// A project closes when its final evaluation passed (with or without conditions), every tranche that may be paid is paid
/// in full (a tranche blocked by a failed mid-term stays unpaid) and no refund is outstanding.
/// </summary>
public static class ClosureRules
{
    public static IReadOnlyList<FormError> Check(GrantAgreement agreement, EvaluationOutcome? midTerm, EvaluationOutcome? final, long outstandingRefundFen)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var errors = new List<FormError>();
        if (agreement.State != AgreementState.Signed)
        {
            errors.Add(new FormError("", "Grant.Project.Error.NotSigned"));
            return errors;
        }

        if (!TranchePayability.Passed(final))
        {
            errors.Add(new FormError("", "Grant.Project.Error.FinalNotPassed"));
        }

        foreach (var tranche in agreement.Tranches.OrderBy(t => t.Index))
        {
            if (TranchePayability.Status(tranche.Condition, agreement.State, midTerm, final) == TrancheStatus.Payable && tranche.UnpaidFen != 0)
            {
                errors.Add(new FormError("", "Grant.Project.Error.TrancheUnpaid", tranche.Index, new Money(tranche.UnpaidFen).Format()));
            }
        }

        if (outstandingRefundFen > 0)
        {
            errors.Add(new FormError("", "Grant.Project.Error.RefundOutstanding", new Money(outstandingRefundFen).Format()));
        }

        return errors;
    }
}
