"""make scale-test: the bot as Rasa's own horizontal-scaling design, on loopback, checked.

Starts PostgreSQL (the bot's tables and Rasa's tracker store), Redis (Rasa's lock store), two
action servers, two Rasa replicas and nginx in front of them (round robin, no sticky sessions),
each under a temporary directory; then, with simulated people holding real conversations
through Rasa's REST channel:

1. one replica alone, straight (the single-server figure);
2. both replicas behind nginx;
3. both behind nginx again, killing one replica (SIGKILL) part-way through.

After each phase every person's conversation is read back from the tracker store: the messages
they sent must be there once each, in the order sent, each answered. A message whose reply was
lost with the killed replica is sent again only if the tracker store does not hold it yet (the
client checks, through the same nginx), so a retry can never duplicate it.

Prints messages per second and reply latencies per phase and writes bench/results/scale.json.
Exits non-zero if any conversation lost, duplicated or reordered a message.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import requests

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from sqlalchemy import text  # noqa: E402

from bot.storage import engine_for  # noqa: E402
from bot.storage.sealing import Sealer  # noqa: E402
from tests.postgres import start_postgres  # noqa: E402
from tests.servers import BIN, ensure_trained_model, free_port, wait_until_up  # noqa: E402

CONVERSATION = (
    "hi", "yes, keep them", "parent", "United Kingdom", "help me let go",
    "Sunday lunches", "her voice", "love and hurt", "menu", "check in",
)  # fmt: skip
PEOPLE = 24
AT_ONCE = 12
RESULTS = PROJECT_ROOT / "bench" / "results" / "scale.json"


@dataclass
class Phase:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    retried: int = 0
    seconds: float = 0.0

    def summary(self) -> dict:
        ordered = sorted(self.latencies)

        def quantile(share: float) -> float:
            return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000) if ordered else 0

        return {
            "phase": self.name,
            "messages": len(self.latencies),
            "messages_per_second": round(len(self.latencies) / self.seconds, 2) if self.seconds else 0,
            "p50_ms": quantile(0.5),
            "p95_ms": quantile(0.95),
            "mean_ms": round(statistics.mean(ordered) * 1000) if ordered else 0,
            "errors": self.errors,
            "resent_after_a_lost_reply": self.retried,
        }


class Stack:
    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="companion-scale-"))
        self.processes: dict[str, subprocess.Popen] = {}
        self.token = secrets.token_hex(16)
        self.postgres = start_postgres()
        self.database_url = self.postgres.url()
        self.redis_port = free_port()
        self.environment = {
            **os.environ,
            "BOT_VAR_DIR": str(self.root / "var"),
            "DATABASE_URL": self.database_url,
            "TRACKER_HOST": self.database_url,
            "LOCK_STORE_TYPE": "redis",
            "LOCK_STORE_HOST": "127.0.0.1",
            "LOCK_STORE_PORT": str(self.redis_port),
            "LOCK_STORE_DB": "1",
            "RASA_API_TOKEN": self.token,
            "ACTION_SERVER_TOKEN": secrets.token_hex(16),
            "BIND_ADDRESS": "127.0.0.1",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "RASA_TELEMETRY_ENABLED": "false",
        }
        self.rasa_ports: list[int] = []
        self.nginx_port = free_port()
        # Opens what the servers sealed: the same key file, the one they create on first start.
        self.sealer = Sealer(self.root / "var")

    def spawn(self, name: str, command: list[str], **extra: str) -> subprocess.Popen:
        log = open(self.root / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env={**self.environment, **extra}, stdout=log, stderr=log
        )  # fmt: skip
        self.processes[name] = process
        return process

    def start(self) -> None:
        self.spawn("redis", ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no"])  # fmt: skip
        subprocess.run([str(BIN / "python"), "-m", "bot", "migrate"], env=self.environment, cwd=PROJECT_ROOT,
                       check=True, capture_output=True)  # fmt: skip
        waiting = []
        for replica in ("a", "b"):
            action_port, rasa_port = free_port(), free_port()
            self.rasa_ports.append(rasa_port)
            ports = {"ACTION_PORT": str(action_port), "RASA_PORT": str(rasa_port),
                     "ACTION_SERVER_URL": f"http://127.0.0.1:{action_port}/webhook"}  # fmt: skip
            actions = self.spawn(f"actions-{replica}", [str(BIN / "python"), "-m", "bot", "serve", "actions"], **ports)
            rasa = self.spawn(f"rasa-{replica}", [str(BIN / "python"), "-m", "bot", "serve", "rasa"], **ports)
            waiting += [(f"http://127.0.0.1:{action_port}/health", actions),
                        (f"http://127.0.0.1:{rasa_port}/status?token={self.token}", rasa)]  # fmt: skip
        for url, process in waiting:
            wait_until_up(url, process)
        self.start_nginx()

    def start_nginx(self) -> None:
        servers = "\n".join(f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in self.rasa_ports)
        temp = self.root / "nginx-temp"
        temp.mkdir()
        config = self.root / "nginx.conf"
        config.write_text(
            f"""daemon off;
worker_processes 1;
pid {self.root}/nginx.pid;
error_log {self.root}/nginx-error.log warn;
user root;
events {{ worker_connections 512; }}
http {{
  access_log off;
  client_body_temp_path {temp}/body;
  proxy_temp_path {temp}/proxy;
  # Round robin over the replicas, no sticky sessions: Redis's lock keeps one conversation's
  # messages in order, whichever replica takes them. A replica that refuses the connection is
  # skipped; a request it had already taken is not resent (POST is not idempotent).
  upstream rasa {{
{servers}
  }}
  server {{
    listen 127.0.0.1:{self.nginx_port};
    location / {{
      proxy_pass http://rasa;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
    }}
  }}
}}
"""
        )
        self.spawn("nginx", ["/usr/sbin/nginx", "-c", str(config), "-p", str(self.root)])
        wait_until_up(f"http://127.0.0.1:{self.nginx_port}/status?token={self.token}", self.processes["nginx"], 60)

    def kill(self, name: str) -> None:
        self.processes[name].send_signal(signal.SIGKILL)
        self.processes[name].wait()

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        self.postgres.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def said(self, sender: str) -> list[tuple[str, str]]:
        """(event type, text) of a person's user and bot events, from the tracker store itself."""
        with engine_for(self.database_url).connect() as connection:
            rows = connection.execute(
                text("SELECT type_name, data FROM events WHERE sender_id = :sender ORDER BY id"), {"sender": sender}
            ).all()
        opened = [(kind, json.loads(self.sealer.open(data)).get("text") or "") for kind, data in rows]
        return [(kind, said) for kind, said in opened if kind in ("user", "bot")]


def converse(base_url: str, stack: Stack, sender: str, phase: Phase, lock: threading.Lock) -> None:
    for message in CONVERSATION:
        for attempt in range(3):
            started = time.perf_counter()
            try:
                reply = requests.post(f"{base_url}/webhooks/rest/webhook",
                                      json={"sender": sender, "message": message}, timeout=120)  # fmt: skip
                ok = reply.status_code == 200 and bool(reply.json())
            except requests.RequestException:
                ok = False
            if ok:
                with lock:
                    phase.latencies.append(time.perf_counter() - started)
                break
            # The reply was lost. Resend only if the message never reached the tracker store.
            held = [said for kind, said in stack.said(sender) if kind == "user"]
            with lock:
                phase.errors += attempt == 2
                phase.retried += 1
            if held and held[-1] == message:
                break
            time.sleep(1)


def run_phase(name: str, base_url: str, stack: Stack, kill_after: float | None = None) -> tuple[Phase, list[str]]:
    phase = Phase(name)
    lock = threading.Lock()
    senders = [f"scale-{name}-{number}-{secrets.token_hex(3)}" for number in range(PEOPLE)]
    if kill_after is not None:
        threading.Timer(kill_after, stack.kill, args=("rasa-b",)).start()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        list(pool.map(lambda sender: converse(base_url, stack, sender, phase, lock), senders))
    phase.seconds = time.perf_counter() - started
    return phase, senders


def check(stack: Stack, senders: list[str]) -> list[str]:
    """What went wrong in any conversation: a message lost, doubled or out of order, or left unanswered."""
    problems = []
    for sender in senders:
        events = stack.said(sender)
        sent = [said for kind, said in events if kind == "user"]
        if sent != list(CONVERSATION):
            problems.append(f"{sender}: the tracker store holds {sent}")
        if events and events[-1][0] != "bot":
            problems.append(f"{sender}: the last message was not answered")
        unanswered = [i for i, (kind, _) in enumerate(events[:-1]) if kind == "user" and events[i + 1][0] == "user"]
        if unanswered:
            problems.append(f"{sender}: {len(unanswered)} messages followed by another with no reply between: "
                            f"{[(kind, said[:30]) for kind, said in events]}")  # fmt: skip
    return problems


def main() -> int:
    ensure_trained_model()
    stack = Stack()
    report: dict = {"people": PEOPLE, "at_once": AT_ONCE, "messages_each": len(CONVERSATION)}
    try:
        print(f"starting PostgreSQL, Redis, 2 action servers, 2 Rasa replicas and nginx under {stack.root}", flush=True)
        stack.start()
        single = f"http://127.0.0.1:{stack.rasa_ports[0]}"
        through_nginx = f"http://127.0.0.1:{stack.nginx_port}"
        phases = []
        problems: list[str] = []
        for name, url, kill_after in (("one replica", single, None), ("two replicas behind nginx", through_nginx, None),
                                      ("two replicas, one killed part-way", through_nginx, 8.0)):  # fmt: skip
            phase, senders = run_phase(name.split(",")[0].replace(" ", "-"), url, stack, kill_after)
            phase.name = name
            found = check(stack, senders)
            problems += found
            summary = {**phase.summary(), "conversations_with_problems": len({p.split(":")[0] for p in found})}
            phases.append(summary)
            print(json.dumps(summary), flush=True)
        report["phases"] = phases
        report["problems"] = problems
        report["machine"] = f"{os.cpu_count()} cores"
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(report, indent=2) + "\n")
        print(f"written to {RESULTS}")
        for problem in problems:
            print("PROBLEM:", problem)
        return 1 if problems else 0
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
