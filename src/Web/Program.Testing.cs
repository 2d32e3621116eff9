// Lets WebApplicationFactory<Program> reach the host from the test projects.
public partial class Program;
