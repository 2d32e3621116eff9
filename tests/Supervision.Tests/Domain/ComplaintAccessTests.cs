using Registry.Supervision.Domain;

namespace Registry.Supervision.Tests.Domain;

public sealed class ComplaintAccessTests
{
    private const string Secret = "a1b2c3d4e5f60718";

    private static Complaint Named() => new() { ReceiptNumber = "TS-2026-000001", SecretHash = Complaint.HashSecret(Secret), UserId = "user-1" };

    private static Complaint Anonymous() => new() { ReceiptNumber = "TS-2026-000002", SecretHash = Complaint.HashSecret(Secret), Anonymous = true };

    [Fact]
    public void CanRead_TheAccountThatFiled_Allowed() => ComplaintAccess.CanRead(Named(), false, "user-1", null, null).ShouldBeTrue();

    [Fact]
    public void CanRead_AnotherAccount_Refused() => ComplaintAccess.CanRead(Named(), false, "user-2", null, null).ShouldBeFalse();

    [Fact]
    public void CanRead_AnonymousWithReceiptAndSecret_Allowed() => ComplaintAccess.CanRead(Anonymous(), false, null, "ts-2026-000002", Secret).ShouldBeTrue();

    [Fact]
    public void CanRead_AnonymousWithReceiptOnly_Refused() => ComplaintAccess.CanRead(Anonymous(), false, null, "TS-2026-000002", null).ShouldBeFalse();

    [Fact]
    public void CanRead_AnonymousWithWrongSecret_Refused() => ComplaintAccess.CanRead(Anonymous(), false, "user-9", "TS-2026-000002", "wrong").ShouldBeFalse();

    [Fact]
    public void CanRead_SecretOfAnotherReceipt_Refused() => ComplaintAccess.CanRead(Anonymous(), false, null, "TS-2026-000001", Secret).ShouldBeFalse();

    [Fact]
    public void CanRead_Staff_Allowed() => ComplaintAccess.CanRead(Anonymous(), true, null, null, null).ShouldBeTrue();

    [Fact]
    public void Next_ComplaintWorkflow_ReplyOnlyAfterAcceptance()
    {
        ComplaintWorkflow.Next(ComplaintState.Received, ComplaintTrigger.Reply).ShouldBeNull();
        ComplaintWorkflow.Next(ComplaintState.Received, ComplaintTrigger.Accept).ShouldBe(ComplaintState.Accepted);
        ComplaintWorkflow.Next(ComplaintState.Accepted, ComplaintTrigger.Reply).ShouldBe(ComplaintState.Replied);
        ComplaintWorkflow.Next(ComplaintState.Rejected, ComplaintTrigger.Accept).ShouldBeNull();
    }
}
