"""pa11y's HTML_CodeSniffer runner, run in a Playwright page: the same scripts pa11y injects
(its client-side runner and the htmlcs runner with @pa11y/html_codesniffer), from node_modules."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STANDARD = "WCAG2AA"

# What pa11y's loadRunnerScript() injects for a runner (lib/pa11y.js), built by node from the
# installed package so the runner's own code runs, not a copy of it.
_BUILD = """
const fs = require("fs");
const path = require("path");
const lib = path.dirname(require.resolve("pa11y"));
const { version } = require("pa11y/package.json");
const { scripts, run } = require(path.join(lib, "runners", "htmlcs.js"));
const bundle = scripts.map((script) => fs.readFileSync(script, "utf-8")).join("\\n\\n");
process.stdout.write(JSON.stringify({
  version,
  pa11y: fs.readFileSync(path.join(lib, "runner.js"), "utf-8"),
  htmlcs: `;${bundle};\\n;window.__pa11y.runners["htmlcs"] = ${run.toString()};`,
}));
"""


class HtmlCodeSniffer:
    """Runs HTML_CodeSniffer on a page as `pa11y --runner htmlcs --standard WCAG2AA` does."""

    def __init__(self):
        node = shutil.which("node")
        if node is None or not (ROOT / "node_modules" / "pa11y").is_dir():
            pytest.fail("Browser tests need node and pa11y in node_modules (run `make test`).")
        built = json.loads(
            subprocess.run(
                [node, "-e", _BUILD], cwd=ROOT, check=True, capture_output=True, text=True
            ).stdout
        )
        self.version = built["version"]
        # Playwright calls a function that a script evaluates to (the runner's last statement
        # assigns one); pa11y's Puppeteer does not, so each script ends on a value instead.
        self._scripts = tuple(f"{built[name]}\n;null;" for name in ("pa11y", "htmlcs"))

    def errors(self, page) -> list[dict]:
        """The page's HTML_CodeSniffer errors (pa11y leaves out warnings and notices by
        default): code, message, selector and a short outerHTML of each element."""
        for script in self._scripts:
            page.evaluate(script)
        # pa11y's defaults (lib/pa11y.js) for what runPa11yWithOptions() passes to the page.
        options = {
            "pa11yVersion": self.version,
            "hideElements": None,
            "ignore": ["notice", "warning"],
            "rootElement": None,
            "rules": [],
            "runners": ["htmlcs"],
            "standard": STANDARD,
            "wait": 0,
        }
        result = page.evaluate("options => window.__pa11y.run(options)", options)
        return [
            {key: issue[key] for key in ("code", "message", "selector", "context")}
            for issue in result["issues"]
        ]
