"""The smallest Flask app, for the load benchmark's baseline: same gunicorn settings, no work."""

from flask import Flask, jsonify

app = Flask(__name__)


@app.post("/hello")
def hello():
    """A JSON reply, as small as a conversation turn's envelope."""
    return jsonify({"prompt": {"type": "text", "text": "Hello"}})


@app.get("/healthz")
def health():
    """What the benchmark waits for before it starts."""
    return jsonify({"status": "ok"})
