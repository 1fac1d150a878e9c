// Theme, time zone and service worker; the components call window.rr through JS interop.
(function () {
    const media = window.matchMedia("(prefers-color-scheme: dark)");

    function choice() {
        const match = document.cookie.match(/(?:^|; )rr-theme=(light|dark|system)/);
        return match ? match[1] : "system";
    }

    function apply(selected) {
        const dark = selected === "dark" || (selected === "system" && media.matches);
        document.documentElement.dataset.theme = dark ? "dark" : "light";
        document.documentElement.dataset.themeChoice = selected;
    }

    media.addEventListener("change", () => apply(choice()));

    window.rr = {
        theme: choice,
        setTheme(selected) {
            document.cookie = `rr-theme=${selected};path=/;max-age=31536000;samesite=lax`;
            apply(selected);
            return document.documentElement.dataset.theme;
        },
        narrow() {
            return window.matchMedia("(max-width: 760px)").matches;
        },
        focus(selector) {
            document.querySelector(selector)?.focus();
        },
    };

    if ("serviceWorker" in navigator) {
        navigator.serviceWorker.register("/service-worker.js").catch(() => { /* the UI works without it */ });
    }
})();
