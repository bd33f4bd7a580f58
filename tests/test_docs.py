"""Tests that the Sphinx pages in docs/ keep up with the code they describe.

Every rule name the pipeline can put in ``Quote.rule`` is explained in concepts.rst,
every public name has an entry in api.rst, and every command-line option is listed in
cli.rst. The pages' examples are checked by ``sphinx-build -b doctest`` (see .ci/run).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import pkgutil
import re
from pathlib import Path
from types import ModuleType
from typing import Iterator

import pytest

import quoteattr
import quoteattr.__main__ as cli

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PACKAGE = ROOT / "quoteattr"
GOLDEN = Path(__file__).parent / "golden"

_TERM = re.compile(r"^``([a-z_+]+)``$", re.MULTILINE)
_DIRECTIVE = re.compile(
    r"^\.\. (auto(?:function|class|exception|data|module|method)|module|data)::\s*(\S+)",
    re.MULTILINE)
_OPTION = re.compile(r"(?<![\w-])(--?[a-z][a-z-]*)")


def _page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


# --- Rule names ------------------------------------------------------------------------


class _RuleNames:
    """Reads the rule names a pipeline module can emit, from its source.

    A rule name reaches ``Quote.rule`` as the ``rule`` argument of a call (``Attribution``,
    ``_attribution``, ``Quote``, or any keyword ``rule=``). Each such argument must be
    one of the forms below, or the reader fails and names the line, so a new way of
    emitting a rule cannot slip past this test:

    - a string constant;
    - a variable that its function binds to string constants only;
    - the ``rule`` parameter of a module-level function, whose callers are read in turn;
    - ``rule.__name__``, where the rules are the functions in the module's ``RULES``;
    - ``something.rule``, which passes an existing rule name on;
    - an f-string of passed-on names and constant text, whose constant text is a suffix;
    - a conditional expression of the above.
    """

    def __init__(self, module: ModuleType, tree: ast.Module) -> None:
        self.module = module
        self.tree = tree
        self.names: set[str] = set()
        self.suffixes: set[str] = set()

    def read(self) -> None:
        top_level = [node for node in self.tree.body
                     if not isinstance(node, (ast.FunctionDef, ast.ClassDef))]
        scopes = [top_level] + [[node] for node in ast.walk(self.tree)
                                if isinstance(node, ast.FunctionDef)]
        for scope in scopes:
            nodes = [inner for node in scope for inner in ast.walk(node)]
            constants = _bound_constants(nodes)
            if self._passes_rule_on(scope[0]):
                constants["rule"] = set()
            for node in nodes:
                if isinstance(node, ast.Call):
                    argument = self._rule_argument(node)
                    if argument is not None:
                        self._classify(argument, constants)

    def _passes_rule_on(self, node: ast.AST) -> bool:
        """Whether ``node`` is a module-level function with a ``rule`` parameter: the
        calls to it are read like any other, so passing ``rule`` on adds no name."""
        if not isinstance(node, ast.FunctionDef) or node not in self.tree.body:
            return False
        return any(argument.arg == "rule" for argument in node.args.args)

    def _rule_argument(self, call: ast.Call) -> ast.expr | None:
        for keyword in call.keywords:
            if keyword.arg == "rule":
                return keyword.value
        position = self._rule_position(call.func)
        if position is not None and position < len(call.args):
            return call.args[position]
        return None

    def _rule_position(self, func: ast.expr) -> int | None:
        name = func.id if isinstance(func, ast.Name) else None
        target = getattr(self.module, name, None) if name else None
        if not callable(target):
            return None
        try:
            parameters = list(inspect.signature(target).parameters)
        except (TypeError, ValueError):
            return None
        return parameters.index("rule") if "rule" in parameters else None

    def _classify(self, node: ast.expr, constants: dict[str, set[str] | None]) -> None:
        where = f"{self.module.__name__}, line {node.lineno}"
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            self.names.add(node.value)
        elif isinstance(node, ast.IfExp):
            self._classify(node.body, constants)
            self._classify(node.orelse, constants)
        elif isinstance(node, ast.Attribute) and node.attr == "rule":
            pass  # an existing rule name passed on
        elif isinstance(node, ast.Attribute) and node.attr == "__name__":
            rules = getattr(self.module, "RULES", None)
            assert rules, f"{where}: rule.__name__ but the module has no RULES"
            self.names.update(rule.__name__ for rule in rules)
        elif isinstance(node, ast.Name) and constants.get(node.id) is not None:
            self.names.update(constants[node.id] or ())
        elif isinstance(node, ast.JoinedStr):
            self._classify_fstring(node, where)
        else:
            raise AssertionError(f"{where}: cannot tell which rule names {ast.unparse(node)}"
                                 " stands for; teach tests/test_docs.py to read it")

    def _classify_fstring(self, node: ast.JoinedStr, where: str) -> None:
        for part in node.values:
            if isinstance(part, ast.Constant):
                self.suffixes.add(part.value)
            else:
                value = part.value  # type: ignore[attr-defined]
                assert isinstance(value, ast.Attribute) and value.attr == "rule", (
                    f"{where}: an f-string rule name may only add text to an existing one")


def _bound_constants(nodes: list[ast.AST]) -> dict[str, set[str] | None]:
    """For each name bound among ``nodes``: the string constants it is bound to, or
    None when it is bound to anything else (a loop variable, an argument, a call)."""
    bound: dict[str, set[str] | None] = {}

    def bind(name: str, value: ast.expr | None) -> None:
        text = value.value if isinstance(value, ast.Constant) else None
        known = bound.setdefault(name, set())
        if known is not None and isinstance(text, str):
            known.add(text)
        else:
            bound[name] = None

    for node in nodes:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        bind(name.id, node.value if target is name else None)
        elif isinstance(node, (ast.For, ast.comprehension, ast.withitem, ast.NamedExpr,
                               ast.AugAssign, ast.AnnAssign)):
            target = getattr(node, "target", None) or getattr(node, "optional_vars", None)
            for name in ast.walk(target) if target is not None else ():
                if isinstance(name, ast.Name):
                    bind(name.id, getattr(node, "value", None)
                         if isinstance(node, ast.AnnAssign) else None)
        elif isinstance(node, ast.arg):
            bind(node.arg, None)
    return bound


def _pipeline_modules() -> Iterator[tuple[ModuleType, ast.Module]]:
    for path in sorted(PACKAGE.glob("_*.py")):
        if path.name == "__init__.py":
            continue
        module = importlib.import_module(f"quoteattr.{path.stem}")
        yield module, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _emitted() -> tuple[set[str], set[str]]:
    """The rule names and the rule-name suffixes the pipeline modules can emit."""
    names: set[str] = set()
    suffixes: set[str] = set()
    for module, tree in _pipeline_modules():
        reader = _RuleNames(module, tree)
        reader.read()
        names |= reader.names
        suffixes |= reader.suffixes
    return names, suffixes


def _documented_rules() -> set[str]:
    text = _page("concepts.rst")
    section = text[text.index("Confidence and rule names"):]
    return set(_TERM.findall(section))


def test_every_emitted_rule_name_is_explained_in_concepts() -> None:
    """concepts.rst has an entry for each rule name and suffix the code can emit, and none other."""
    names, suffixes = _emitted()
    assert names | suffixes == _documented_rules()


def test_rule_reader_sees_the_rules_analyze_returns() -> None:
    """Each rule name that analyze returns on the golden cases is one the source reader found."""
    names, suffixes = _emitted()
    seen = set()
    for path in sorted(GOLDEN.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            text = case.get("text", "")  # some files list ids or name fixture files
            seen.update(quote.rule for quote in quoteattr.analyze(text).quotes)
    assert "cue_after" in seen and "cue_then_clause" in seen
    unexplained = {rule for rule in seen
                   if rule not in names and not any(rule.endswith(s) and rule[:-len(s)] in names
                                                    for s in suffixes)}
    assert set() == unexplained


def test_rule_reader_refuses_a_rule_it_cannot_read() -> None:
    """A rule argument of an unknown form fails the reader instead of being skipped."""
    tree = ast.parse("make(rule=pick_one())")
    reader = _RuleNames(quoteattr, tree)
    with pytest.raises(AssertionError, match="cannot tell which rule names"):
        reader.read()


# --- Kinds -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [*quoteattr.QuoteKind, *quoteattr.EntityKind])
def test_every_kind_is_explained_in_concepts(kind: quoteattr.QuoteKind) -> None:
    """concepts.rst has a definition-list entry for every quote kind and entity kind."""
    assert kind.value in _TERM.findall(_page("concepts.rst"))


# --- API reference ---------------------------------------------------------------------


def _resolve(target: str) -> object:
    """The object a dotted autodoc target names: a module, or an attribute of one."""
    try:
        return importlib.import_module(target)
    except ImportError:
        module, _, name = target.rpartition(".")
        return getattr(importlib.import_module(module), name)


def _documented_objects() -> list[object]:
    """Objects api.rst documents: its explicit targets, and what its automodules pick up.

    autodoc picks up the functions and classes of a module's ``__all__`` (of the module,
    without one) that have a docstring of their own; other names need an explicit entry.
    A ``.. data::`` entry names a member of the module last opened.
    """
    documented: list[object] = []
    module = ""
    for directive, target in _DIRECTIVE.findall(_page("api.rst")):
        if directive == "data":
            target = f"{module}.{target}"
        found = _resolve(target)
        documented.append(found)
        if isinstance(found, ModuleType):
            module = target
        if directive == "automodule":
            documented.extend(
                member for _, member in _public(found)
                if (inspect.isclass(member) or inspect.isfunction(member))
                and member.__doc__)
    return documented


def _public(module: ModuleType) -> list[tuple[str, object]]:
    names = getattr(module, "__all__", None)
    if names is None:
        names = [name for name, member in vars(module).items()
                 if not name.startswith("_") and getattr(member, "__module__", None) == module.__name__]
    return [(name, getattr(module, name)) for name in names]


def _public_modules() -> list[str]:
    """quoteattr and its modules whose names do not start with an underscore."""
    return ["quoteattr"] + sorted(f"quoteattr.{info.name}"
                                  for info in pkgutil.iter_modules(quoteattr.__path__)
                                  if not info.name.startswith("_"))


@pytest.mark.parametrize("module_name", _public_modules())
def test_every_public_name_is_in_the_api_reference(module_name: str) -> None:
    """api.rst documents every public name of the package's public modules."""
    module = pytest.importorskip(module_name, reason=f"{module_name} needs an optional package")
    documented = _documented_objects()
    missing = [name for name, member in _public(module)
               if not any(member is other for other in documented)]
    assert [] == missing


# --- Command line ----------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["evaluate"], ["bench"]])
def test_every_command_line_option_is_listed(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """cli.rst lists, in double backquotes, every option that ``--help`` shows."""
    assert 0 == cli.main([*command, "--help"])
    options = set(_OPTION.findall(capsys.readouterr().out))
    assert "--help" in options
    page = _page("cli.rst")
    assert set() == {option for option in options if f"``{option}" not in page}
