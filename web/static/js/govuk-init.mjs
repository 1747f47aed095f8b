// Start GOV.UK Frontend's components (loaded as an ES module, so no inline script is needed).
import { initAll } from "/static/govuk/govuk-frontend.min.js";

initAll();
