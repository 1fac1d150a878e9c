using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Problems;

/// <summary>Turns an application service's outcome into the REST answer: the value, or the refusal as a problem.</summary>
public static class OutcomeResults
{
    /// <summary>200 with the value, or the problem.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Outcome<T> outcome) =>
        outcome.IsSuccess ? TypedResults.Ok(outcome.Value!) : Problem.From(outcome.Error!);

    /// <summary>200 with the value shaped by <paramref name="shape"/>, or the problem.</summary>
    public static Results<Ok<TOut>, ProblemHttpResult> ToOk<T, TOut>(this Outcome<T> outcome, Func<T, TOut> shape) =>
        outcome.IsSuccess ? TypedResults.Ok(shape(outcome.Value!)) : Problem.From(outcome.Error!);

    /// <summary>201 with the value at <paramref name="location"/>, or the problem.</summary>
    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(this Outcome<T> outcome, Func<T, string> location) =>
        outcome.IsSuccess ? TypedResults.Created(location(outcome.Value!), outcome.Value!) : Problem.From(outcome.Error!);

    /// <summary>204, or the problem.</summary>
    public static Results<NoContent, ProblemHttpResult> ToNoContent<T>(this Outcome<T> outcome) =>
        outcome.IsSuccess ? TypedResults.NoContent() : Problem.From(outcome.Error!);
}
