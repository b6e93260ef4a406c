"""The one Jinja sandbox every document template runs in (Word templates and PDF layouts).

Templates come from users (a ministry's copy in its template folder), so a template must neither
reach Python internals or files nor hold the machine: `{% for i in range(100000) %}{% for j in
range(100000) %}` would run for hours, `'x'|center(10**9)` or `'%0999999999d' % 1` allocate
gigabytes in one C call, `('x'*100000)|replace('x', 'x'*100000)` ten gigabytes. The sandbox:

- is Jinja's ImmutableSandboxedEnvironment: no attribute starting with "_", no Python internals,
  no changes to the context (so no list can grow in a loop), no `lipsum`, no loader (no
  include/import/extends of files); a dotted name looks up a mapping's key before its methods
  (`answer.items` is the list of answer items, not dict.items);
- checks *before* the call every operation that can make a value much larger than its inputs —
  `*`, `**`, `+`, `%`, `~`, str.format/format_map, center/ljust/rjust/zfill/expandtabs, replace,
  join, translate, and the filters center, indent, wordwrap, format, replace, join, batch, slice,
  sum, tojson, pprint, string, escape — against MAX_VALUE characters (MAX_BITS for a number);
  every filter and method result is checked after the call as well. A single C call (which no
  timer can interrupt) therefore never builds more than a few megabytes;
- keeps a budget per document (a context variable, so the export and the dialog's preview in
  another thread each have their own): the time spent evaluating template code, summed over all
  texts of the document (MAX_SECONDS), and the characters it produced (MAX_OUTPUT). The budget is
  checked where time can go: at every loop iteration (each `for` of a template is rewritten at
  parse time to iterate through a guard, which also charges the loop body's static text per
  iteration), every call (macros, recursion, methods), every output and operation.

Why checks in the template code rather than a watchdog thread or a subprocess: a thread cannot
stop another one in Python (only with PyThreadState_SetAsyncExc, which may fire inside library
code), and a subprocess per render costs a second of start-up on Windows for every preview. The
checks cost a clock read per loop iteration; rendering the KI-Allianz Stellungnahme is not
measurably slower. What the checks cannot see — a C call on inputs already bounded — is bounded
by the pre-checks above.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import re
import string
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from jinja2 import BaseLoader, StrictUndefined, Undefined, nodes
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import missing
from jinja2.visitor import NodeTransformer

MAX_SECONDS = 5.0  # template evaluation per document; the KI-Allianz Stellungnahme needs about 0.01 s
MAX_OUTPUT = 20_000_000  # characters a document's templates may produce (a 300-page answer: about 2 million)
MAX_VALUE = 1_000_000  # characters of any one text or list a template makes
MAX_BITS = 10_000  # size of a number a template computes (about 3,000 digits)


class TemplateLimit(Exception):
    """A template stopped at one of the limits; `reason` is a German clause for the user's message."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _thousands(n: float) -> str:
    """German digits: 20.000.000, 5, 0,5."""
    if n == int(n):
        return f"{int(n):,}".replace(",", ".")
    return f"{n:g}".replace(".", ",")


def _too_long() -> TemplateLimit:
    return TemplateLimit(f"ein Text oder eine Liste würde länger als {_thousands(MAX_VALUE)} Zeichen")


# --- the budget of one document --------------------------------------------------------------------


class Budget:
    """Time spent in template code and characters produced, for one document."""

    def __init__(self, seconds: float | None = None, output: int | None = None) -> None:
        self.seconds = MAX_SECONDS if seconds is None else seconds
        self.output = MAX_OUTPUT if output is None else output
        self.spent = 0.0
        self.produced = 0
        self._since: float | None = None
        self._depth = 0

    @contextlib.contextmanager
    def running(self) -> Iterator[Budget]:
        """Count the time of the block (nested blocks count once)."""
        self._depth += 1
        if self._depth == 1:
            self._since = time.monotonic()
        try:
            yield self
        finally:
            self._depth -= 1
            if self._depth == 0 and self._since is not None:
                self.spent += time.monotonic() - self._since
                self._since = None

    def tick(self) -> None:
        if self._since is not None and self.spent + time.monotonic() - self._since > self.seconds:
            raise TemplateLimit(f"sie rechnet länger als {_thousands(self.seconds)} Sekunden")

    def charge(self, chars: int) -> None:
        self.produced += chars
        if self.produced > self.output:
            raise TemplateLimit(f"sie erzeugt mehr als {_thousands(self.output)} Zeichen")
        self.tick()


_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("ziffer_template_budget", default=None)


@contextlib.contextmanager
def document_budget(seconds: float | None = None, output: int | None = None) -> Iterator[Budget]:
    """One budget for every text rendered inside the block (one document); an outer one wins."""
    current = _BUDGET.get()
    if current is not None:
        yield current
        return
    budget = Budget(seconds, output)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


@contextlib.contextmanager
def running() -> Iterator[Budget]:
    """Template code runs inside: the document's budget (or one of its own) counts its time."""
    with document_budget() as budget, budget.running():
        yield budget


def _budget() -> Budget:
    budget = _BUDGET.get()
    if budget is None:  # template code outside render() (an expression): still bounded
        budget = Budget()
        _BUDGET.set(budget)
    return budget


# --- sizes, estimated without building anything ----------------------------------------------------


def size(value: Any, limit: int = MAX_VALUE) -> int:
    """About the characters str(value) has, counted without making it; stops counting past `limit`.

    A list may hold the same long text a hundred thousand times (`['x' * 100000] * 100000` is small
    in memory), so a list's size is the sum of its items', not its length."""
    total = 0
    stack = [value]
    while stack and total <= limit:
        v = stack.pop()
        if isinstance(v, str | bytes):
            total += len(v)
        elif isinstance(v, bool) or v is None:
            total += 5
        elif isinstance(v, int):
            total += v.bit_length() // 3 + 2
        elif isinstance(v, float):
            total += 24
        elif isinstance(v, Mapping):
            total += 2 + 4 * len(v)
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, list | tuple | set | frozenset):
            total += 2 + 2 * len(v)
            stack.extend(v)
        else:
            total += 40
    return total


def _check_size(value: Any) -> Any:
    if isinstance(value, str):
        if len(value) > MAX_VALUE:
            raise _too_long()
    elif isinstance(value, list | tuple | Mapping | set | frozenset | bytes) and size(value) > MAX_VALUE:
        raise _too_long()
    return value


def _expect(chars: float) -> None:
    if chars > MAX_VALUE:
        raise _too_long()


def _int(value: Any, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


_PERCENT_SPEC = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?[-#0 +]*(?P<width>\*|\d+)?(?:\.(?P<prec>\*|\d+))?[hlL]?(?P<conv>.)"
)


def _check_percent(fmt: str, args: Any) -> None:
    """`fmt % args` would stay within MAX_VALUE (widths, precisions and the values it prints)."""
    values = list(args) if isinstance(args, tuple) else [args]
    mapping = args if isinstance(args, Mapping) else None
    total, k = len(fmt), 0

    def take() -> Any:
        nonlocal k
        value = values[k] if k < len(values) else ""
        k += 1
        return value

    for m in _PERCENT_SPEC.finditer(fmt):
        if m["conv"] == "%":
            continue
        width = _int(take()) if m["width"] == "*" else int(m["width"] or 0)
        prec = _int(take()) if m["prec"] == "*" else int(m["prec"] or 0)
        value = mapping.get(m["key"], "") if mapping is not None and m["key"] is not None else take()
        total += abs(width) + abs(prec) + size(value)
        _expect(total)


def _check_braces(fmt: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    """`fmt.format(*args, **kwargs)` would stay within MAX_VALUE."""
    values = [*args, *kwargs.values()]
    largest = max((size(v) for v in values), default=0)
    numbers = [abs(_int(v)) for v in values]
    total = len(fmt)
    try:
        fields = list(string.Formatter().parse(fmt))
    except ValueError:
        return  # the call fails on its own
    for _, name, spec, _ in fields:
        if name is None:
            continue
        width = max((int(d) for d in re.findall(r"\d+", spec or "")), default=0)
        if "{" in (spec or ""):
            width = max(width, *numbers, 0)
        total += largest + width
        _expect(total)


def _check_replace(s: Any, old: Any, new: Any, count: Any = -1) -> None:
    if isinstance(s, str) and isinstance(old, str) and isinstance(new, str):
        times = len(s) + 1 if old == "" else s.count(old)
        if _int(count, -1) >= 0:
            times = min(times, count)
        _expect(len(s) + times * max(0, len(new) - len(old)))


def _check_join(items: Any, sep: Any = "") -> list[Any]:
    items = list(items)
    _expect(sum(size(x) for x in items) + size(sep) * len(items))
    return items


# --- checked filters and methods -------------------------------------------------------------------


def _checked_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose result is bounded: arguments that widen are checked before, the result after."""
    pass_arg = getattr(func, "jinja_pass_arg", None)
    skip = 1 if pass_arg is not None else 0  # the context, eval context or environment comes first

    @functools.wraps(func)
    def checked(*args: Any, **kwargs: Any) -> Any:
        _budget().tick()
        value, rest = (args[skip], args[skip + 1 :]) if len(args) > skip else (None, ())
        if name == "center":
            _expect(max(len(str(value)), _int(rest[0] if rest else kwargs.get("width"), 80)))
        elif name == "indent":
            width = rest[0] if rest else kwargs.get("width", 4)
            per_line = len(width) if isinstance(width, str) else _int(width, 4)
            _expect(size(value) + (str(value).count("\n") + 1) * per_line)
        elif name == "wordwrap":
            width = _int(rest[0] if rest else kwargs.get("width"), 79) or 1
            wrap = rest[2] if len(rest) > 2 else kwargs.get("wrapstring") or "\n"
            _expect(size(value) * (1 + size(wrap) / width))
        elif name == "format" and isinstance(value, str):
            _check_percent(value, kwargs or tuple(rest))
        elif name == "replace":
            _check_replace(value, *rest[:3], **{k: v for k, v in kwargs.items() if k == "count"})
        elif name == "join" and value is not None:
            value = _check_join(value, rest[0] if rest else kwargs.get("d", ""))
            args = (*args[:skip], value, *rest)
        elif name in ("batch", "slice"):
            count = _int(rest[0] if rest else kwargs.get("linecount", kwargs.get("slices")), 1)
            if count > MAX_VALUE // 10:
                raise _too_long()
        elif name == "sum":
            start = rest[1] if len(rest) > 1 else kwargs.get("start", 0)
            if isinstance(start, str | list | tuple):
                items = list(value)
                _expect(size(items) * (1 + len(items) / 1000))  # repeated copies: quadratic
                args = (*args[:skip], items, *rest)
        elif name in _PRINTING and size(value) * 2 > MAX_VALUE:
            raise _too_long()
        return _check_size(func(*args, **kwargs))

    return checked


_PRINTING = {"tojson", "pprint", "string", "escape", "e", "forceescape", "urlize", "xmlattr", "list"}
_WIDENING = {"center", "ljust", "rjust", "zfill"}


def _check_method(method: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> tuple[Any, ...]:
    """Checks a str method's arguments before the call; may return the arguments made concrete."""
    owner = getattr(method, "__self__", None)
    if not isinstance(owner, str):
        return args
    name = getattr(method, "__name__", "")
    if name in _WIDENING:
        _expect(max(len(owner), _int(args[0] if args else kwargs.get("width"))))
    elif name == "expandtabs":
        _expect(len(owner) * (1 + max(0, _int(args[0] if args else kwargs.get("tabsize"), 8))))
    elif name == "replace":
        _check_replace(owner, *args[:3], **kwargs)
    elif name == "join" and args:
        args = (_check_join(args[0], owner), *args[1:])
    elif name == "translate" and args and isinstance(args[0], Mapping):
        _expect(len(owner) * (1 + max((size(v) for v in args[0].values()), default=0)))
    return args


# --- loops ----------------------------------------------------------------------------------------


class _Guarded:
    """An iterable whose every item checks the document's budget and charges the static text of
    the loop body (which Jinja emits without passing through finalize)."""

    __slots__ = ("_inner", "_static")

    def __init__(self, inner: Any, static: int) -> None:
        self._inner = inner
        self._static = static

    def __len__(self) -> int:
        return len(self._inner)

    def __iter__(self) -> Iterator[Any]:
        budget = _budget()
        static = self._static
        for item in self._inner:
            if static:
                budget.charge(static)
            else:
                budget.tick()
            yield item


def _guard_loop(value: Any, static: int = 0) -> Any:
    if isinstance(value, Undefined):
        return value
    return _Guarded(value, static)


def _bounded_text(value: Any) -> Any:
    """The result of `~`: bounded by its inputs, checked all the same (recursive doubling)."""
    _budget().tick()
    return _check_size(value)


class _GuardLoops(NodeTransformer):
    """Every `for` iterates through _guard_loop; every `~` is checked."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        static = sum(len(d.data) for part in node.body for d in part.find_all(nodes.TemplateData))
        node.iter = nodes.Filter(node.iter, "ziffer_loop", [nodes.Const(static)], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return nodes.Filter(node, "ziffer_text", [], [], None, None, lineno=node.lineno)


# --- the environment --------------------------------------------------------------------------------


class _NoFiles(BaseLoader):
    """The sandbox's loader: a template cannot include, import or extend anything."""

    def get_source(self, environment: Any, template: str) -> Any:
        raise SecurityError(f"a template may not include, import or extend other files ({template!r})")


class _Undefined(Undefined):
    """A missing key renders as nothing; an access the sandbox forbids fails at once (not as empty text)."""

    __slots__ = ()

    def __init__(self, hint: Any = None, obj: Any = missing, name: Any = None, exc: Any = UndefinedError) -> None:
        if exc is SecurityError:
            raise SecurityError(hint or f"access to {name!r} is not allowed")
        super().__init__(hint, obj, name, exc)


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with bounded values, loops, time and output (see the module)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        return _GuardLoops().visit(tree)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, Mapping) and isinstance(attribute, str):
            try:
                return obj[attribute]
            except (KeyError, TypeError):
                pass
        return super().getattr(obj, attribute)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        fmt, is_map = value.__self__, value.__name__ == "format_map"

        @functools.wraps(wrapper)
        def checked(*args: Any, **kwargs: Any) -> str:
            if is_map:
                _check_braces(fmt, (), args[0] if args and isinstance(args[0], Mapping) else {})
            else:
                _check_braces(fmt, args, kwargs)
            return wrapper(*args, **kwargs)

        return checked

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _budget().tick()
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, str | bytes | list | tuple) and isinstance(n, int):
                    _expect(size(seq) * n)
            if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_BITS:
                raise TemplateLimit("eine Zahl würde zu groß")
        elif operator == "**":
            if isinstance(left, int) and isinstance(right, int) and max(abs(left), 2).bit_length() * right > MAX_BITS:
                raise TemplateLimit("eine Zahl würde zu groß")
        elif operator == "+":
            if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
                _expect(size(left) + size(right))
        elif operator == "%" and isinstance(left, str):
            _check_percent(left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _budget().tick()
        if isinstance(__obj, LoopContext) and args:  # a recursive loop's next level is a loop too
            args = (_Guarded(args[0], 0), *args[1:])
        else:
            args = _check_method(__obj, args, kwargs)
        return _check_size(super().call(__context, __obj, *args, **kwargs))


def _finalize(value: Any) -> Any:
    """Every `{{ … }}` passes here: None prints as nothing; the output is counted."""
    if value is None:
        return ""
    chars = len(value) if isinstance(value, str) else size(value)
    if chars > MAX_VALUE:
        raise _too_long()
    _budget().charge(chars)
    return value


@functools.cache
def environment(*, autoescape: bool = False, strict: bool = False, trim_blocks: bool = False) -> Sandbox:
    """The sandbox for one kind of text: autoescape for Word XML, strict (an unknown name is an
    error) for PDF layouts, trim_blocks for the short texts of a layout file."""
    env = Sandbox(
        loader=_NoFiles(),
        undefined=StrictUndefined if strict else _Undefined,
        autoescape=autoescape,
        trim_blocks=trim_blocks,
        lstrip_blocks=trim_blocks,
        finalize=_finalize,
    )
    env.globals.pop("lipsum", None)
    env.filters = {name: _checked_filter(name, f) for name, f in env.filters.items()}
    env.filters["ziffer_loop"] = _guard_loop
    env.filters["ziffer_text"] = _bounded_text

    base = env.template_class

    class Template(base):  # type: ignore[valid-type, misc]
        def render(self, *args: Any, **kwargs: Any) -> str:
            with running():
                return super().render(*args, **kwargs)

    env.template_class = Template
    return env


def evaluate(expression: Any, scope: Mapping[str, Any]) -> Any:
    """Call a compiled expression (environment().compile_expression) inside the document's budget."""
    with running():
        return expression(**scope)


def explain(exc: BaseException) -> str:
    """One German clause saying what is wrong with a template, Jinja's own words in brackets."""
    detail = " ".join(str(exc).split())[:200] or type(exc).__name__
    if isinstance(exc, TemplateLimit):
        return f"abgebrochen, {exc.reason}"
    if isinstance(exc, SecurityError):
        if "include, import or extend" in detail:
            return "Vorlagen dürfen keine Dateien einbinden (include/import/extends are not allowed)"
        return f"unerlaubter Zugriff, die Vorlage läuft in einer Sandbox (not allowed: {detail})"
    if isinstance(exc, UndefinedError):
        return f"unbekannter Name (undefined: {detail})"
    if isinstance(exc, TemplateSyntaxError):
        return f"Syntaxfehler in Zeile {exc.lineno} (syntax error: {detail})"
    if isinstance(exc, RecursionError):
        return "die Vorlage ruft sich zu tief selbst auf (recursion too deep)"
    if isinstance(exc, OverflowError | MemoryError):
        return f"ein Wert wird zu groß ({type(exc).__name__}: {detail})"
    return f"Fehler beim Ausfüllen ({type(exc).__name__}: {detail})"
