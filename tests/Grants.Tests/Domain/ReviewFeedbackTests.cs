using Registry.Grants.Domain;

namespace Registry.Grants.Tests.Domain;

public sealed class ReviewFeedbackTests
{
    private static GrantRound Round(bool comments = true, bool scores = false) => new()
    {
        Rubric = [new RubricCriterion("C1", "公益性", 60), new RubricCriterion("C2", "专业性", 40)],
        ShowReviewCommentsToApplicant = comments,
        ShowReviewScoresToApplicant = scores,
    };

    private static ReviewAssignment Seat(int id, string name, decimal c1, string comment, bool submitted = true, bool recused = false) => new()
    {
        Id = id,
        ReviewerName = name,
        ReviewerUserId = name,
        SubmittedAt = submitted ? new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc) : null,
        Recused = recused,
        Scores = [new ReviewScore { CriterionCode = "C1", Points = c1, Comment = comment }, new ReviewScore { CriterionCode = "C2", Points = 30, Comment = "" }],
    };

    private static readonly ReviewAssignment[] Seats =
    [
        Seat(12, "王专家", 50, "需求分析扎实。"),
        Seat(7, "李专家", 40, "预算偏高。"),
        Seat(9, "回避专家", 0, "", recused: true),
        Seat(15, "未交专家", 0, "草稿", submitted: false),
    ];

    [Fact]
    public void ForApplicant_Decided_NumbersSubmittedSheetsBySeatOrderWithoutNamesOrScores()
    {
        var reviews = ReviewFeedback.ForApplicant(Round(), GrantState.NotSelected, Seats);

        reviews.Select(r => r.Number).ShouldBe([1, 2]);
        reviews[0].Comments.ShouldHaveSingleItem().Comment.ShouldBe("预算偏高。");
        reviews[1].Comments.ShouldHaveSingleItem().Comment.ShouldBe("需求分析扎实。");
        reviews.ShouldAllBe(r => r.Total == null && r.Comments.All(c => c.Points == null));
        string.Join("", reviews.SelectMany(r => r.Comments).Select(c => c.Criterion + c.Comment)).ShouldNotContain("专家");
    }

    [Fact]
    public void ForApplicant_ScoresShown_EveryCriterionWithPointsAndTheTotal()
    {
        var reviews = ReviewFeedback.ForApplicant(Round(scores: true), GrantState.Awarded, Seats);

        reviews[0].Total.ShouldBe(70);
        reviews[0].Comments.Select(c => (c.Criterion, c.Points)).ShouldBe([("公益性", 40m), ("专业性", 30m)]);
    }

    [Theory]
    [InlineData(GrantState.Draft)]
    [InlineData(GrantState.Submitted)]
    [InlineData(GrantState.Passed)]
    [InlineData(GrantState.Failed)]
    public void ForApplicant_NotDecided_Nothing(GrantState state)
    {
        ReviewFeedback.ForApplicant(Round(scores: true), state, Seats).ShouldBeEmpty();
    }

    [Fact]
    public void ForApplicant_RoundKeepsCommentsToItself_Nothing()
    {
        ReviewFeedback.ForApplicant(Round(comments: false), GrantState.Shortlisted, Seats).ShouldBeEmpty();
    }

    [Fact]
    public void Decided_EveryState_OnlyAfterTheShortlist()
    {
        foreach (var state in Enum.GetValues<GrantState>())
        {
            ReviewFeedback.Decided(state).ShouldBe(state is GrantState.Shortlisted or GrantState.NotSelected or GrantState.Awarded or GrantState.Withdrawn, state.ToString());
        }
    }
}
