// Progressive enhancement of the chat page: send each form without a full page reload.
// Without JavaScript every form still works: it posts, and the server redirects back.
import { initAll } from "/static/govuk/govuk-frontend.min.js";

// The save-and-return panel is left alone, so it stays open if the supplier opened it.
const REGIONS = ["progress", "prompt-area", "summary-area"];

function replaceRegions(doc) {
  for (const id of REGIONS) {
    const fresh = doc.getElementById(id);
    const old = document.getElementById(id);
    if (fresh && old) {
      old.replaceWith(document.importNode(fresh, true));
      initAll({ scope: document.getElementById(id) });
    }
  }
  const summary = document.querySelector(".govuk-error-summary");
  const freshSummary = doc.querySelector(".govuk-error-summary");
  const errorArea = summary ? summary.closest(".govuk-grid-row") : null;
  if (errorArea) errorArea.remove();
  if (freshSummary) {
    const row = document.importNode(freshSummary.closest(".govuk-grid-row"), true);
    document.querySelector("main").prepend(row);
    return row.querySelector(".govuk-error-summary");
  }
  return null;
}

// Adds the new messages; returns the first of them (after the supplier's own), if any.
function appendMessages(doc) {
  const log = document.querySelector("#transcript ol");
  const fresh = doc.querySelector("#transcript ol");
  if (!log || !fresh) return null;
  const have = log.children.length;
  const added = Array.from(fresh.children).slice(have).map(
    (item) => log.appendChild(document.importNode(item, true)),
  );
  return added.length > 1 ? added[1] : added[0] || null;
}

// The new question and its options in view: with the replies before it when they all fit
// on the screen, else the question at the top (the replies are just above). After a question
// from the question box, the question and its first option sit at the bottom of the screen,
// with as much of the answer above them as fits: that is what the person is waiting for.
function showPrompt(firstNew, asked) {
  const prompt = document.getElementById("prompt");
  if (!prompt) return;
  const first = prompt.querySelector("input:not([type=hidden]), textarea");
  if (asked && first) {
    const below = first.getBoundingClientRect().bottom - window.innerHeight;
    window.scrollBy(0, below + 24); // the answer above, the question and its box in view
    return;
  }
  const bottom = prompt.getBoundingClientRect().bottom;
  const top = firstNew ? firstNew.getBoundingClientRect().top : bottom;
  const start = bottom - top <= window.innerHeight ? firstNew : prompt;
  (start || prompt).scrollIntoView({ block: "start" });
}

function focusPrompt(errorSummary) {
  if (errorSummary) {
    errorSummary.setAttribute("tabindex", "-1");
    errorSummary.focus();
    return;
  }
  const target = document.querySelector("#prompt input:not([type=hidden]), #prompt textarea")
    || document.getElementById("text");
  if (target) target.focus({ preventScroll: true });
}

async function send(form, submitter) {
  const body = new FormData(form);
  if (submitter && submitter.name) body.append(submitter.name, submitter.value);
  const buttons = form.querySelectorAll("button");
  buttons.forEach((button) => { button.disabled = true; });
  let response;
  try {
    response = await fetch(form.action, {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: { Accept: "text/html" },
    });
  } catch {
    // Nothing reached the server: send the form the ordinary way, with the same button.
    buttons.forEach((button) => { button.disabled = false; });
    form.setAttribute("data-plain", "");
    form.requestSubmit(submitter || undefined);
    return;
  }
  if (!response.ok || !response.redirected) {
    // The server answered with something other than the chat (an error page): show it,
    // as the browser would have without JavaScript.
    const page = await response.text();
    document.open();
    document.write(page);
    document.close();
    return;
  }
  const doc = new DOMParser().parseFromString(await response.text(), "text/html");
  const firstNew = appendMessages(doc);
  const errorSummary = replaceRegions(doc);
  document.title = doc.title;
  history.replaceState(null, "", response.url);
  if (!errorSummary) showPrompt(firstNew, form.classList.contains("app-chat__ask"));
  focusPrompt(errorSummary);
}

const chat = document.querySelector("[data-chat]");
if (chat) {
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-chat-form")) return;
    if (form.hasAttribute("data-plain")) return;
    event.preventDefault();
    send(form, event.submitter);
  });
}
