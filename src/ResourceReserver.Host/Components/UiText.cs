namespace ResourceReserver.Host.Components;

/// <summary>
/// The UI's texts: keys are the English wording (so English needs no file), translations in <c>UiText.es.resx</c>
/// and <c>UiText.fr.resx</c> beside this class.
/// </summary>
public sealed class UiText;
