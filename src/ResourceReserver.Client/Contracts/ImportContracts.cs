namespace ResourceReserver.Client.Contracts;

/// <summary>One problem in an imported CSV file: the data row (from 1, the header not counted), the column if one is to blame, and why.</summary>
public sealed record ImportRowError(int Row, string? Column, string Message);

/// <summary>
/// What <c>POST /resources/import?dryRun=true</c> answers (and the body of its 422): rows read, how many would be
/// created and updated, and every problem found.
/// </summary>
public sealed record ImportPreview(int Rows, int WouldCreate, int WouldUpdate, IReadOnlyList<ImportRowError> Errors);

/// <summary>What a completed <c>POST /resources/import</c> answers.</summary>
public sealed record ImportResult(int Created, int Updated);
