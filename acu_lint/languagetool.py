"""LanguageTool for the ``grammar`` rule: which server, one process per run, a
per-paragraph result cache, and failures as one clear line.

Where the text goes
    1. ``rules.grammar.server`` in the config, else the ``ACU_LINT_LANGUAGETOOL_URL``
       environment variable: any LanguageTool HTTP server (a team server, a
       container, ``localhost``). Nothing else is ever contacted; there is no
       built-in public URL.
    2. Otherwise a local install, found the way language-tool-python finds it:
       ``LTP_JAR_DIR_PATH`` (a folder holding ``languagetool-server.jar``) or a
       ``LanguageTool-<version>`` folder under ``LTP_PATH`` (default
       ``~/.cache/language_tool_python``). It is started once per run, on a free
       port of 127.0.0.1, only when a paragraph is not in the cache, and always
       stopped: at exit, on SIGTERM/SIGHUP, on Ctrl-C, and (Linux) by the kernel
       when acu-lint itself dies (``PR_SET_PDEATHSIG``).
    3. Otherwise :class:`BackendUnavailable` with what is missing and how to set
       it up. A lint run never downloads anything; ``acu-lint grammar-setup``
       does, when the user asks for it.

Why HTTP by hand rather than ``language_tool_python.LanguageTool``: the wrapper
downloads LanguageTool when it finds none (a lint run must not), waits a fixed
15 s for start-up, retries by restarting the server, uses a 300 s request
timeout, cannot make the Java process die with its parent, and in 3.4 ignores
``LTP_JAR_DIR_PATH`` when locating the jar. Its job here is the explicit,
checksum-verified download in ``grammar-setup``; the check itself is one POST
to ``/v2/check`` with the standard library, which also keeps ``requests`` and
friends out of a lint run's start-up.

The cache (``$ACU_LINT_CACHE_DIR/grammar`` or ``./.acu-lint-cache/grammar``)
holds LanguageTool's raw matches per paragraph, keyed by the paragraph's text,
the language, the LanguageTool version and the request options; files are
written to a temp name and renamed, so several processes may share it.
"""
from __future__ import annotations

import atexit
import bisect
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Callable

from acu_lint.model import BackendUnavailable

ENV_SERVER = "ACU_LINT_LANGUAGETOOL_URL"
ENV_CACHE_DIR = "ACU_LINT_CACHE_DIR"  # read through acu_lint.cache.cache_root
ENV_LTP_PATH = "LTP_PATH"  # language-tool-python's download folder
ENV_LTP_JAR_DIR = "LTP_JAR_DIR_PATH"  # language-tool-python's "jar is here"
JAR_NAMES = ("languagetool-server.jar", "LanguageTool.jar")
DOCS = "see docs/grammar.md"
CACHE_FORMAT = 1
MAX_BATCH_CHARS = 20_000  # LanguageTool's public limit; a sane request size for any server
VERSION_TTL = 24 * 3600  # how long a remote server's version is trusted without asking
PARAGRAPH_SEPARATOR = "\n\n"

NO_BACKEND = (
    f"grammar: no LanguageTool configured; set {ENV_SERVER}=http://HOST:PORT (or rules.grammar.server) "
    f"to a LanguageTool server, or run `acu-lint grammar-setup` once to install one locally (needs Java 17+); {DOCS}"
)


# ---------------------------------------------------------------------------
# Requests and matches
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class CheckRequest:
    """Everything sent with the text that changes LanguageTool's answer."""

    language: str = "en-US"
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_only: bool = False
    level: str = "default"

    def params(self) -> dict[str, str]:
        p = {"language": self.language}
        if self.enabled_rules:
            p["enabledRules"] = ",".join(self.enabled_rules)
        if self.disabled_rules:
            p["disabledRules"] = ",".join(self.disabled_rules)
        if self.enabled_categories:
            p["enabledCategories"] = ",".join(self.enabled_categories)
        if self.disabled_categories:
            p["disabledCategories"] = ",".join(self.disabled_categories)
        if self.enabled_only:
            p["enabledOnly"] = "true"
        if self.level != "default":
            p["level"] = self.level
        return p


@dataclass
class LTMatch:
    """One LanguageTool match; ``offset``/``length`` count Python characters of
    the paragraph that was sent (LanguageTool's UTF-16 units converted)."""

    offset: int
    length: int
    message: str
    rule_id: str
    category_id: str = ""
    category_name: str = ""
    issue_type: str = ""
    description: str = ""
    short_message: str = ""
    replacements: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "LTMatch":
        return cls(**{k: d[k] for k in cls.__dataclass_fields__ if k in d})


def _utf16_to_index(text: str) -> Callable[[int], int]:
    """Map LanguageTool's offsets (Java chars = UTF-16 code units) to Python
    string indexes; identity when the text has no astral characters."""
    if all(ord(c) < 0x10000 for c in text):
        return lambda u: max(0, min(u, len(text)))
    table: list[int] = []
    for i, ch in enumerate(text):
        table.append(i)
        if ord(ch) >= 0x10000:
            table.append(i)  # the low surrogate belongs to the same character
    table.append(len(text))
    return lambda u: table[max(0, min(u, len(table) - 1))]


def parse_check_response(data: Any, text: str) -> tuple[str, list[tuple[int, int, dict[str, Any]]]]:
    """Validate a ``/v2/check`` reply. Returns the software version and
    ``(start, end, match)`` in Python indexes of ``text``. Raises ValueError
    when the reply is not LanguageTool's format. (A reply with
    ``warnings.incompleteResults`` is valid; see :func:`is_incomplete`.)"""
    if not isinstance(data, dict) or not isinstance(data.get("matches"), list):
        raise ValueError("no 'matches' list in the reply")
    software = data.get("software") if isinstance(data.get("software"), dict) else {}
    version = str(software.get("version") or "unknown")
    to_index = _utf16_to_index(text)
    out = []
    for m in data["matches"]:
        if not isinstance(m, dict):
            raise ValueError("a match is not an object")
        off, length, rule = m.get("offset"), m.get("length"), m.get("rule")
        if not isinstance(off, int) or not isinstance(length, int) or isinstance(off, bool) or off < 0 or length < 0:
            raise ValueError("a match has no valid offset/length")
        if not isinstance(rule, dict) or not isinstance(rule.get("id"), str):
            raise ValueError("a match has no rule id")
        start, end = to_index(off), to_index(off + length)
        out.append((start, max(end, start), m))
    return version, out


def is_incomplete(data: Any) -> bool:
    warnings = data.get("warnings") if isinstance(data, dict) else None
    return isinstance(warnings, dict) and bool(warnings.get("incompleteResults"))


def _clean_message(msg: str) -> str:
    msg = re.sub(r"<suggestion>(.*?)</suggestion>", "\u201c\\1\u201d", msg or "")
    return re.sub(r"\s+", " ", msg).strip()


def _to_ltmatch(start: int, end: int, m: dict[str, Any]) -> LTMatch:
    rule = m["rule"]
    cat = rule.get("category") if isinstance(rule.get("category"), dict) else {}
    repls = []
    for r in m.get("replacements") or []:
        if isinstance(r, dict) and isinstance(r.get("value"), str):
            repls.append(r["value"])
        if len(repls) >= 5:
            break
    return LTMatch(
        offset=start, length=end - start, message=_clean_message(str(m.get("message") or rule.get("description") or "")),
        rule_id=rule["id"], category_id=str(cat.get("id") or ""), category_name=str(cat.get("name") or ""),
        issue_type=str(rule.get("issueType") or ""), description=str(rule.get("description") or ""),
        short_message=_clean_message(str(m.get("shortMessage") or "")), replacements=repls,
    )


# ---------------------------------------------------------------------------
# HTTP
# ---------------------------------------------------------------------------
def normalize_url(url: str) -> str:
    """``http://host:8081``, ``.../``, ``.../v2`` and ``.../v2/`` all mean the same server."""
    url = url.strip().rstrip("/")
    if url.endswith("/v2"):
        url = url[:-3].rstrip("/")
    return url


def split_credentials(url: str) -> tuple[str, str | None]:
    """(URL without ``user:password@``, value for an Authorization header or None)."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None:
        return url, None
    import base64

    user = urllib.parse.unquote(parts.username)
    password = urllib.parse.unquote(parts.password or "")
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    clean = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    token = base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")
    return clean, f"Basic {token}"


def check_url(url: str) -> str | None:
    """A reason why ``url`` cannot be a LanguageTool server URL, or None."""
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return f"'{url}' is not an http:// or https:// URL"
    if not parts.hostname:
        return f"'{url}' has no host name"
    try:
        parts.port
    except ValueError:
        return f"'{url}' has an invalid port"
    return None


_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler())  # honours *_proxy / no_proxy
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback never goes through a proxy
_LOOPBACK = {"localhost", "127.0.0.1", "::1"}


def _opener_for(url: str) -> urllib.request.OpenerDirector:
    host = (urllib.parse.urlsplit(url).hostname or "").lower()
    return _DIRECT if host in _LOOPBACK or host.startswith("127.") else _OPENER


class HTTPBackend:
    """A LanguageTool server reached over HTTP."""

    kind = "server"

    def __init__(self, url: str, source: str):
        url, self._auth = split_credentials(url.strip())
        self.url = normalize_url(url)  # never holds credentials: it is printed and remembered
        self.source = source  # where the URL came from, for messages
        self.version: str | None = None
        self.failure: str | None = None  # once failed, fail fast for the rest of the run
        self.last_incomplete = False
        self.lock = threading.RLock()

    @property
    def identity(self) -> str:
        return f"server {self.url}"

    def describe(self) -> str:
        return f"LanguageTool at {self.url}"

    def ensure_ready(self, timeout: float) -> None:
        return None

    def close(self) -> None:
        return None

    def _fail(self, msg: str) -> BackendUnavailable:
        self.failure = msg
        return BackendUnavailable(msg)

    def request(self, path: str, params: dict[str, str] | None, timeout: float) -> Any:
        """GET (params None) or POST a form to ``/v2/<path>``; the decoded JSON."""
        if self.failure:
            raise BackendUnavailable(self.failure)
        url = f"{self.url}/v2/{path}"
        data = urllib.parse.urlencode(params).encode("utf-8") if params is not None else None
        req = urllib.request.Request(url, data=data, headers={
            "Accept": "application/json",
            "User-Agent": "acu-lint (grammar rule)",
            **({"Authorization": self._auth} if self._auth else {}),
            **({"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"} if data is not None else {}),
        })
        where = self.describe()
        try:
            with _opener_for(url).open(req, timeout=timeout) as resp:
                body = resp.read()
        except urllib.error.HTTPError as exc:
            detail = ""
            try:
                detail = exc.read(300).decode("utf-8", "replace")
            except Exception:
                pass
            detail = re.sub(r"\s+", " ", detail).strip()[:160]
            hint = "check rules.grammar.language and the LanguageTool rule ids" if exc.code == 400 else \
                "check the server and its URL"
            raise self._fail(f"grammar: {where} answered HTTP {exc.code}"
                             f"{' (' + detail + ')' if detail else ''}; {hint} ({self.source}); {DOCS}") from None
        except (socket.timeout, TimeoutError):
            raise self._fail(f"grammar: {where} did not answer within {timeout:g} s; check that the server is up, "
                             f"or raise rules.grammar.timeout; {DOCS}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise self._fail(f"grammar: {where} did not answer within {timeout:g} s; check that the server is up, "
                                 f"or raise rules.grammar.timeout; {DOCS}") from None
            text = getattr(reason, "strerror", None) or str(reason)
            raise self._fail(f"grammar: cannot reach {where} ({text}); start the server or correct {self.source}; "
                             f"{DOCS}") from None
        except (OSError, ValueError) as exc:  # connection reset, bad URL, http.client errors
            raise self._fail(f"grammar: cannot reach {where} ({type(exc).__name__}: {exc}); "
                             f"start the server or correct {self.source}; {DOCS}") from None
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            snippet = re.sub(r"\s+", " ", body[:80].decode("utf-8", "replace")).strip()
            raise self._fail(f"grammar: {where} did not answer like LanguageTool (not JSON: {snippet!r}); "
                             f"check that {self.source} points to a LanguageTool server; {DOCS}") from None

    def check(self, text: str, req: CheckRequest, timeout: float) -> tuple[str, list[LTMatch]]:
        """Check ``text``; (LanguageTool version, matches in Python indexes).
        ``self.last_incomplete`` tells whether the server said it ran out of time."""
        with self.lock:
            self.ensure_ready(timeout)
            data = self.request("check", {"text": text, **req.params()}, timeout)
            self.last_incomplete = is_incomplete(data)
            try:
                version, raw = parse_check_response(data, text)
            except ValueError as exc:
                raise self._fail(f"grammar: {self.describe()} did not answer like LanguageTool ({exc}); "
                                 f"check that {self.source} points to a LanguageTool server; {DOCS}") from None
            self.version = version
            return version, [_to_ltmatch(s, e, m) for s, e, m in raw]


# ---------------------------------------------------------------------------
# A local install, run as a child process
# ---------------------------------------------------------------------------
def ltp_download_dir() -> str:
    """language-tool-python's download folder (not created here)."""
    return os.environ.get(ENV_LTP_PATH) or os.path.join(os.path.expanduser("~"), ".cache", "language_tool_python")


def _version_key(name: str) -> tuple:
    """Order ``LanguageTool-6.8`` < ``LanguageTool-6.10`` < snapshots (``LanguageTool-20250101``)."""
    v = name.split("LanguageTool-", 1)[-1]
    if re.fullmatch(r"\d{8}", v):
        return (1, int(v))
    nums = tuple(int(x) for x in re.findall(r"\d+", v))
    return (0, nums)


def _jar_in(folder: str) -> str | None:
    for name in JAR_NAMES:
        p = os.path.join(folder, name)
        if os.path.isfile(p):
            return p
    return None


def find_local_install() -> tuple[str | None, str]:
    """(jar path or None, what was looked at) for messages."""
    jar_dir = os.environ.get(ENV_LTP_JAR_DIR)
    if jar_dir:
        jar = _jar_in(jar_dir)
        if jar is None:
            raise BackendUnavailable(
                f"grammar: {ENV_LTP_JAR_DIR}={jar_dir} holds no {' or '.join(JAR_NAMES)}; point it at an unpacked "
                f"LanguageTool folder, or unset it; {DOCS}")
        return jar, jar_dir
    base = ltp_download_dir()
    try:
        names = [n for n in os.listdir(base) if n.startswith("LanguageTool-")]
    except OSError:
        return None, base
    for name in sorted(names, key=_version_key, reverse=True):
        jar = _jar_in(os.path.join(base, name))
        if jar:
            return jar, base
    return None, base


def find_java() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home:
        cand = os.path.join(home, "bin", "java.exe" if os.name == "nt" else "java")
        if os.path.isfile(cand) and os.access(cand, os.X_OK):
            return cand
    return shutil.which("java")


def java_major_version(java: str, timeout: float = 30.0) -> int | None:
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=timeout,
                             stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', (out.stderr or "") + (out.stdout or ""))
    if not m:
        return None
    major = int(m.group(1))
    if major == 1 and m.group(2):  # "1.8.0_201" is Java 8
        major = int(m.group(2))
    return major


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pdeathsig_preexec() -> Callable[[], None] | None:
    """On Linux, make the child get SIGTERM when acu-lint dies, even by SIGKILL.
    Only from the main thread: the kernel sends the signal when the *thread*
    that forked exits, and a worker thread may end long before the run does."""
    if not sys.platform.startswith("linux") or threading.current_thread() is not threading.main_thread():
        return None
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        prctl = libc.prctl
    except Exception:
        return None
    parent = os.getpid()

    def preexec() -> None:  # runs in the child between fork and exec: no imports here
        prctl(1, int(signal.SIGTERM), 0, 0, 0)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    return preexec


class _PortTaken(Exception):
    pass


class LocalBackend(HTTPBackend):
    """A LanguageTool install started as ``java -cp <jar> org.languagetool.server.HTTPServer``."""

    kind = "local"

    def __init__(self, jar: str, start_timeout: float = 60.0):
        super().__init__("http://127.0.0.1:0", f"the local install ({jar})")
        self.jar = jar
        self.start_timeout = start_timeout
        self.proc: subprocess.Popen | None = None
        self._stderr = None
        st = os.stat(jar)
        self._stamp = f"{st.st_size}:{int(st.st_mtime)}"

    @property
    def identity(self) -> str:
        return f"local {os.path.realpath(self.jar)} {self._stamp}"

    def describe(self) -> str:
        return f"the local LanguageTool ({self.jar})"

    def ensure_ready(self, timeout: float) -> None:
        with self.lock:
            if self.failure:
                raise BackendUnavailable(self.failure)
            if self.proc is not None and self.proc.poll() is None:
                return
            if self.proc is not None:  # it died during the run
                code = self.proc.returncode
                self.proc = None
                raise self._fail(f"grammar: {self.describe()} stopped during the run (exit code {code}); "
                                 f"{self._last_stderr() or 'no message'}; {DOCS}")
            for attempt in range(3):
                try:
                    self._start()
                    return
                except _PortTaken:
                    if attempt == 2:
                        raise self._fail(f"grammar: {self.describe()} found no free port on 127.0.0.1; {DOCS}") from None

    def _start(self) -> None:
        java = find_java()
        if java is None:
            raise self._fail(f"grammar: LanguageTool is installed ({self.jar}) but Java was not found; install Java 17+ "
                             f"(or set JAVA_HOME), or use a server via {ENV_SERVER}; {DOCS}")
        major = java_major_version(java)
        if major is None:
            raise self._fail(f"grammar: could not run `{java} -version`; install Java 17+ (or set JAVA_HOME), "
                             f"or use a server via {ENV_SERVER}; {DOCS}")
        if major < 17:
            raise self._fail(f"grammar: LanguageTool needs Java 17 or newer, {java} is Java {major}; install a newer "
                             f"Java (or set JAVA_HOME), or use a server via {ENV_SERVER}; {DOCS}")
        port = _free_port()
        self.url = f"http://127.0.0.1:{port}"
        cmd = [java, "-cp", self.jar, "org.languagetool.server.HTTPServer", "--port", str(port)]
        self._stderr = tempfile.TemporaryFile()
        _install_exit_handlers()
        try:
            self.proc = subprocess.Popen(
                cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._stderr,
                cwd=os.path.dirname(os.path.abspath(self.jar)), preexec_fn=_pdeathsig_preexec(),
            )
        except OSError as exc:
            raise self._fail(f"grammar: could not start {java} ({exc.strerror or exc}); {DOCS}") from None
        _LIVE.add(self)
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            code = self.proc.poll()
            if code is not None:
                msg = self._last_stderr()
                self._reap()
                if re.search(r"BindException|[Aa]ddress already in use", msg):
                    raise _PortTaken()  # another program took the port between our probe and Java's bind
                raise self._fail(f"grammar: {self.describe()} exited during start-up (code {code}"
                                 f"{': ' + msg if msg else ''}); {DOCS}")
            try:
                with _DIRECT.open(f"{self.url}/v2/languages", timeout=2) as resp:
                    if resp.status == 200:
                        return
            except (OSError, ValueError):
                pass
            time.sleep(0.2)
        self._reap()
        raise self._fail(f"grammar: {self.describe()} did not start within {self.start_timeout:g} s; "
                         f"raise rules.grammar.start_timeout, or run a server and set {ENV_SERVER}; {DOCS}")

    def _last_stderr(self) -> str:
        if self._stderr is None:
            return ""
        try:
            self._stderr.seek(0)
            lines = [ln.strip() for ln in self._stderr.read().decode("utf-8", "replace").splitlines() if ln.strip()]
        except (OSError, ValueError):
            return ""
        return lines[-1][:200] if lines else ""

    def _reap(self) -> None:
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            try:
                proc.terminate()
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    pass
            except OSError:
                pass
        if self._stderr is not None:
            try:
                self._stderr.close()
            except OSError:
                pass
            self._stderr = None
        _LIVE.discard(self)

    def close(self) -> None:
        self._reap()

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc is not None else None


# ---------------------------------------------------------------------------
# One backend per run; always shut down
# ---------------------------------------------------------------------------
_BACKENDS: dict[tuple[str, str], HTTPBackend] = {}
_LIVE: set[LocalBackend] = set()
_HANDLERS_INSTALLED = False
_REGISTRY_LOCK = threading.Lock()


def shutdown() -> None:
    """Stop every LanguageTool this process started."""
    for b in list(_LIVE):
        b.close()


def reset() -> None:
    """Forget every backend (tests); local servers are stopped first."""
    shutdown()
    with _REGISTRY_LOCK:
        _BACKENDS.clear()
    _MEMORY.clear()


def _install_exit_handlers() -> None:
    global _HANDLERS_INSTALLED
    if _HANDLERS_INSTALLED:
        return
    _HANDLERS_INSTALLED = True
    atexit.register(shutdown)
    if threading.current_thread() is not threading.main_thread():
        return  # signal handlers can only be set from the main thread; atexit and PDEATHSIG remain
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        previous = signal.getsignal(signum)
        if previous is signal.SIG_IGN:
            continue

        def handler(sig: int, frame: Any, previous: Any = previous) -> None:
            shutdown()
            if callable(previous):
                previous(sig, frame)
                return
            signal.signal(sig, signal.SIG_DFL)  # die the way the signal says, with the right status
            os.kill(os.getpid(), sig)

        try:
            signal.signal(signum, handler)
        except (ValueError, OSError):
            pass


def get_backend(server: str = "", start_timeout: float = 60.0) -> HTTPBackend:
    """The backend for these settings, created once per process."""
    if server:
        url, source = server, "rules.grammar.server"
    else:
        url, source = os.environ.get(ENV_SERVER, "").strip(), ENV_SERVER
    if url:
        problem = check_url(url)
        if problem:
            raise BackendUnavailable(f"grammar: {source} {problem}; give the LanguageTool server's URL, "
                                     f"e.g. http://localhost:8081; {DOCS}")
        key = ("server", normalize_url(url))  # credentials included: two users, two backends
        with _REGISTRY_LOCK:
            b = _BACKENDS.get(key)
            if b is None:
                b = _BACKENDS[key] = HTTPBackend(url, source)
            return b
    jar, _looked = find_local_install()
    if jar is None:
        raise BackendUnavailable(NO_BACKEND)
    key = ("local", os.path.realpath(jar))
    with _REGISTRY_LOCK:
        b = _BACKENDS.get(key)
        if b is None:
            b = _BACKENDS[key] = LocalBackend(jar, start_timeout)
        return b


# ---------------------------------------------------------------------------
# Cache
# ---------------------------------------------------------------------------
_MEMORY: dict[str, list[LTMatch]] = {}


def cache_dir() -> str:
    """``grammar/`` in acu-lint's cache folder: ``$ACU_LINT_CACHE_DIR``, else
    ``.acu-lint-cache`` in the current folder."""
    from acu_lint.cache import cache_root

    return os.path.join(cache_root(), "grammar")


def backend_token(server: str = "") -> str:
    """Which LanguageTool a run would use, without contacting it: part of the
    per-file result cache's key, so that a run with another (or no) LanguageTool
    does not reuse findings made with this one."""
    url = server or os.environ.get(ENV_SERVER, "").strip()
    if url:
        return "server " + normalize_url(split_credentials(url)[0])
    try:
        jar, looked = find_local_install()
    except BackendUnavailable as exc:
        return "unavailable " + str(exc)
    if jar is None:
        return "none " + looked
    st = os.stat(jar)
    return f"local {os.path.realpath(jar)} {st.st_size}:{int(st.st_mtime)}"


class DiskCache:
    """``<dir>/<aa>/<sha256>.json`` per paragraph, plus ``versions/`` memos."""

    def __init__(self, folder: str):
        self.folder = folder
        self.ok = True

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key + ".json")

    def get(self, key: str) -> list[LTMatch] | None:
        try:
            with open(self._path(key), encoding="utf-8") as fh:
                data = json.load(fh)
            return [LTMatch.from_json(d) for d in data["matches"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, matches: list[LTMatch]) -> None:
        self._write(self._path(key), {"matches": [m.to_json() for m in matches]})

    def _write(self, path: str, obj: Any) -> None:
        if not self.ok:
            return
        folder = os.path.dirname(path)
        try:
            if not os.path.isdir(self.folder):
                root = os.path.dirname(os.path.abspath(self.folder))
                if not os.path.exists(root):
                    from acu_lint.cache import _prepare_root  # CACHEDIR.TAG + .gitignore, as the result cache

                    _prepare_root(root)
                os.makedirs(self.folder, exist_ok=True)
            os.makedirs(folder, exist_ok=True)
            from acu_lint.fsutil import write_atomic

            # mode 0644: mkstemp makes 0600; a CI cache may be shared between users
            write_atomic(path, json.dumps(obj, ensure_ascii=False).encode("utf-8"), mode=0o644,
                         prefix=".tmp-", suffix=".json")
        except OSError:
            self.ok = False  # read-only or full disk: run on without a cache

    def get_version(self, identity: str) -> tuple[str, float] | None:
        try:
            with open(self._version_path(identity), encoding="utf-8") as fh:
                d = json.load(fh)
            return str(d["version"]), float(d["checked"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put_version(self, identity: str, version: str) -> None:
        self._write(self._version_path(identity), {"version": version, "checked": time.time()})

    def _version_path(self, identity: str) -> str:
        return os.path.join(self.folder, "versions", hashlib.sha256(identity.encode()).hexdigest()[:32] + ".json")


def _key_prefix(req: CheckRequest, version: str) -> bytes:
    return json.dumps([CACHE_FORMAT, version, req.params()], sort_keys=True).encode("utf-8") + b"\0"


def cache_key(text: str, req: CheckRequest, version: str, prefix: bytes | None = None) -> str:
    """SHA-256 of (format, LanguageTool version, request options, paragraph text)."""
    h = hashlib.sha256(prefix if prefix is not None else _key_prefix(req, version))
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


# ---------------------------------------------------------------------------
# The one entry point the rule uses
# ---------------------------------------------------------------------------
@dataclass
class Stats:
    requests: int = 0
    cached: int = 0
    checked: int = 0
    incomplete: int = 0  # requests the server answered only in part (it ran out of time)


STATS = Stats()


def _batches(indexes: list[int], texts: list[str]) -> list[list[int]]:
    out: list[list[int]] = []
    cur: list[int] = []
    size = 0
    for i in indexes:
        n = len(texts[i]) + len(PARAGRAPH_SEPARATOR)
        if cur and size + n > MAX_BATCH_CHARS:
            out.append(cur)
            cur, size = [], 0
        cur.append(i)
        size += n
    if cur:
        out.append(cur)
    return out


def _known_version(backend: HTTPBackend, disk: DiskCache | None, req: CheckRequest, timeout: float) -> str | None:
    """The LanguageTool version to key the cache with, asking the server only
    when a remote server's remembered version is older than VERSION_TTL."""
    if backend.version:
        return backend.version
    if disk is None:
        return None
    memo = disk.get_version(backend.identity)
    if memo is not None:
        version, checked = memo
        # a local install's identity includes the jar's size and mtime: its version cannot change
        if backend.kind == "local" or time.time() - checked < VERSION_TTL:
            return version
    if memo is None or backend.kind == "local":
        return None  # nothing cached under any version yet: the first real check tells the version
    try:
        version, _ = backend.check("Probe.", req, timeout)  # one tiny request a day per server
    except BackendUnavailable:
        if memo is None:
            raise
        return memo[0]  # the server is down: cached paragraphs still count, new ones will fail
    disk.put_version(backend.identity, version)
    return version


def check_paragraphs(texts: list[str], req: CheckRequest, *, server: str = "", timeout: float = 30.0,
                     start_timeout: float = 60.0, use_cache: bool = True) -> list[list[LTMatch]]:
    """LanguageTool's matches for each paragraph (offsets relative to it).

    Paragraphs found in the cache cost nothing; the rest go to the server in as
    few requests as possible, separated by blank lines so that LanguageTool
    keeps them apart. Raises BackendUnavailable with a one-line message."""
    backend = get_backend(server, start_timeout)
    results: list[list[LTMatch] | None] = [None] * len(texts)
    if not texts:
        return []
    disk = DiskCache(cache_dir()) if use_cache else None
    version = _known_version(backend, disk, req, timeout)
    if version is not None:
        prefix = _key_prefix(req, version)
        for i, t in enumerate(texts):
            key = cache_key(t, req, version, prefix)
            hit = _MEMORY.get(key)
            if hit is None and disk is not None:
                hit = disk.get(key)
                if hit is not None:
                    _MEMORY[key] = hit
            if hit is not None:
                results[i] = hit
                STATS.cached += 1
    missing = [i for i, r in enumerate(results) if r is None]
    for batch in _batches(missing, texts):
        starts = []
        pos = 0
        for i in batch:
            starts.append(pos)
            pos += len(texts[i]) + len(PARAGRAPH_SEPARATOR)
        payload = PARAGRAPH_SEPARATOR.join(texts[i] for i in batch)
        version, matches = backend.check(payload, req, timeout)
        complete = not backend.last_incomplete  # a server that ran out of time: use, but do not keep
        STATS.requests += 1
        STATS.checked += len(batch)
        STATS.incomplete += not complete
        if disk is not None and (disk.get_version(backend.identity) or ("",))[0] != version:
            disk.put_version(backend.identity, version)
        per: dict[int, list[LTMatch]] = {i: [] for i in batch}
        for m in matches:
            k = bisect.bisect_right(starts, m.offset) - 1
            if k < 0:
                continue
            i = batch[k]
            rel = m.offset - starts[k]
            if rel + m.length > len(texts[i]):
                continue  # spans the blank line between two paragraphs: not about either
            m.offset = rel
            per[i].append(m)
        for i in batch:
            results[i] = per[i]
            if not complete:
                continue
            key = cache_key(texts[i], req, version)
            _MEMORY[key] = per[i]
            if disk is not None:
                disk.put(key, per[i])
    return [r if r is not None else [] for r in results]


# ---------------------------------------------------------------------------
# `acu-lint grammar-setup`
# ---------------------------------------------------------------------------
def setup(version: str | None, check_only: bool, echo: Callable[[str], None]) -> int:
    """Report what the grammar rule would use and, unless ``check_only``,
    download LanguageTool with language-tool-python. Returns an exit code:
    0 ready, 3 not usable (what is missing has been printed)."""
    url = os.environ.get(ENV_SERVER, "").strip()
    if url:
        problem = check_url(url)
        if problem:
            echo(f"server: {ENV_SERVER} {problem}")
        else:
            b = HTTPBackend(url, ENV_SERVER)
            try:
                v, _ = b.check("Probe.", CheckRequest(), 15.0)
                echo(f"server: {b.url} ({ENV_SERVER}) answers: LanguageTool {v}")
                if check_only:
                    echo("grammar: ready (the server is used; no local install needed)")
                    return 0
            except BackendUnavailable as exc:
                echo(f"server: {exc}")
    else:
        echo(f"server: none ({ENV_SERVER} is not set; a config may still set rules.grammar.server)")
    try:
        jar, looked = find_local_install()
    except BackendUnavailable as exc:
        echo(f"local install: {exc}")
        return 3
    java = find_java()
    major = java_major_version(java) if java else None
    if java is None:
        echo("java: not found (install Java 17+ or set JAVA_HOME)")
    else:
        echo(f"java: {java} (Java {major if major is not None else 'version unknown'})")
    if jar:
        echo(f"local install: {jar}")
        if java and major and major >= 17:
            echo("grammar: ready (the local install is started when a lint run needs it)")
            return 0
        echo("grammar: not ready: the local install needs Java 17 or newer")
        return 3
    echo(f"local install: none in {looked}")
    if check_only:
        echo(NO_BACKEND)
        return 3
    if not java or not major or major < 17:
        echo("grammar: cannot install: LanguageTool needs Java 17 or newer; install it (or set JAVA_HOME) "
             "and run `acu-lint grammar-setup` again")
        return 3
    if os.environ.get(ENV_LTP_JAR_DIR):
        echo(f"grammar: {ENV_LTP_JAR_DIR} is set; unset it to let grammar-setup download into {ltp_download_dir()}")
        return 3
    try:
        from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION, LocalLanguageTool
    except Exception as exc:  # pragma: no cover - it is a dependency
        echo(f"grammar: cannot import language-tool-python ({exc}); reinstall acu-lint")
        return 3
    version = version or LTP_DOWNLOAD_VERSION
    echo(f"downloading LanguageTool {version} (about 250 MB) into {ltp_download_dir()} ...")
    try:
        LocalLanguageTool.from_version_name(version).download()
    except BaseException as exc:  # network, checksum, disk, bad version, SystemExit from the wrapper
        if isinstance(exc, KeyboardInterrupt):
            raise
        msg = re.sub(r"\s+", " ", str(exc)).strip() or type(exc).__name__
        echo(f"grammar: download failed: {type(exc).__name__}: {msg[:300]}")
        return 3
    jar, _ = find_local_install()
    if jar is None:
        echo(f"grammar: the download finished but no {JAR_NAMES[0]} is under {ltp_download_dir()}")
        return 3
    echo(f"installed: {jar}")
    echo("grammar: ready (`acu-lint --grammar PATHS` starts it when needed and stops it at the end)")
    return 0
