// The trainer's live view: swap in fresh figures every few seconds, with a button to stop and
// start (WCAG 2.2.2). Without JavaScript, the page's refresh link does the same by hand.
const toggle = document.getElementById("live-toggle");
const live = document.getElementById("live");
const status = document.getElementById("live-status");

if (toggle && live && status) {
  const seconds = Number(toggle.dataset.seconds) || 5;
  let timer = null;

  const refresh = async () => {
    if (document.hidden) return;
    try {
      const response = await fetch(toggle.dataset.url, { credentials: "same-origin" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const open = [...live.querySelectorAll("details")].map((d) => d.open);
      live.innerHTML = await response.text();
      live.querySelectorAll("details").forEach((d, i) => {
        d.open = Boolean(open[i]);
      });
      status.textContent = `Updated at ${new Date().toLocaleTimeString()}.`;
    } catch {
      status.textContent = "The figures could not be updated. Use the refresh link.";
    }
  };

  const start = () => {
    timer = setInterval(refresh, seconds * 1000);
    toggle.textContent = "Stop updating";
    status.textContent = `The figures update every ${seconds} seconds.`;
  };
  const stop = () => {
    clearInterval(timer);
    timer = null;
    toggle.textContent = "Start updating";
    status.textContent = "Updating is stopped.";
  };

  toggle.addEventListener("click", () => (timer ? stop() : start()));
  toggle.hidden = false;
  status.hidden = false;
  start();
}
