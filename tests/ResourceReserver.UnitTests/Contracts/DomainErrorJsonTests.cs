using System.Text.Json;
using ResourceReserver.Contracts;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.UnitTests.Contracts;

/// <summary>Refusals stored as JSON (remembered idempotent answers) read back whole, also those written before codes were catalogued.</summary>
public sealed class DomainErrorJsonTests
{
    [Fact]
    public void A_stored_refusal_reads_back_with_its_code()
    {
        var error = DomainError.Conflict(ProblemCode.BookingConflict, "The requested time is already booked.");

        var json = JsonSerializer.Serialize(Outcome<Reservation>.Fail(error), ReadStoreJson.Options);
        var read = JsonSerializer.Deserialize<Outcome<Reservation>>(json, ReadStoreJson.Options)!;

        Assert.Equal(ErrorKind.Conflict, read.Error!.Kind);
        Assert.Equal("booking_conflict", read.Error.Code);
        Assert.Equal(error.Message, read.Error.Message);
    }

    [Fact]
    public void A_refusal_stored_by_the_previous_version_still_reads()
    {
        const string stored = """{"value":null,"error":{"kind":"validation","code":"too_late","message":"Too late.","conflicts":[],"suggestions":[],"errors":null}}""";

        var read = JsonSerializer.Deserialize<Outcome<Reservation>>(stored, ReadStoreJson.Options)!;

        Assert.Equal("too_late", read.Error!.Code);
        Assert.Same(ProblemCode.TooLate, ProblemCode.Find(read.Error.Code));
    }
}
