// Runs in <head> before the first paint: the chosen theme (or the system's) and the browser's time zone for the server.
(function () {
    var match = document.cookie.match(/(?:^|; )rr-theme=(light|dark|system)/), choice = match ? match[1] : "system";
    var dark = choice === "dark" || (choice === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.dataset.theme = dark ? "dark" : "light";
    document.documentElement.dataset.themeChoice = choice;
    try {
        document.cookie = "rr-tz=" + encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone) + ";path=/;max-age=31536000;samesite=lax";
    } catch (e) {
        // No Intl time zone: times are shown in the resource's zone only.
    }
})();
