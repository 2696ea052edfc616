"""Ground truth for scripts/measure-recall.mjs: every `observe(event, handler)` call a charm runs.

Read with CPython's own `ast` (not the model's parser, so the measure does not share the
model's blind spots). Prints JSON: `unparsed`, the files this CPython cannot parse, and `sites`, one entry per call site in the charm's source folder, and in
the charm-library classes (lib/charms/...) the charm's objects run, with the number of objects
that run it: a helper class constructed twice (`db` and `db-admin`) observes twice.

Usage: python3 observe-sites.py <charm-root> <source folder relative to the root> <entry module>
"""

import ast
import json
import os
import re
import sys


def python_files(root):
    # A charm may link a folder shared by several charms into its source (`src/common -> ../../common`):
    # charmcraft packs what the link points at, so it is the charm's code. Each real folder once.
    seen = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                yield os.path.join(folder, name)


class Module:
    """One parsed file: its classes, and what its imported names stand for."""

    def __init__(self, rel, name, text, tree):
        self.rel, self.name, self.text, self.tree = rel, name, text, tree
        self.classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
        package = name if rel.endswith("__init__.py") else name.rpartition(".")[0]
        self.names = {}  # local name -> dotted path it stands for
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".") if package else []
                    parts = parts[: len(parts) - (node.level - 1)] if node.level > 1 else parts
                    base = ".".join(p for p in parts + ([node.module] if node.module else []) if p)
                for a in node.names:
                    self.names[a.asname or a.name] = f"{base}.{a.name}" if base else a.name
            elif isinstance(node, ast.Import):
                for a in node.names:
                    self.names[a.asname or a.name.split(".")[0]] = a.name if a.asname else a.name.split(".")[0]


def dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = dotted(node.value)
        return inner and f"{inner}.{node.attr}"
    return None


class Project:
    def __init__(self, root, src):
        self.modules, self.by_name, self.unparsed = {}, {}, []
        for folder, origin in ((src, "src"), ("lib", "lib")):
            for path in python_files(os.path.join(root, folder)):
                rel = os.path.relpath(path, root).replace(os.sep, "/")
                inner = os.path.relpath(path, os.path.join(root, folder)).replace(os.sep, "/")
                name = inner[:-3].replace("/", ".").removesuffix(".__init__")
                try:
                    with open(path, encoding="utf-8") as f:
                        text = f.read()
                    tree = ast.parse(text, path)
                except (SyntaxError, UnicodeDecodeError, ValueError):
                    self.unparsed.append(rel)
                    continue
                module = Module(rel, name, text, tree)
                module.origin = origin
                self.modules[rel] = module
                self.by_name.setdefault(name, module)

    def resolve_function(self, module, expr):
        """The (file, function) a call's callee names, when it is a module-level function of lib/."""
        text = dotted(expr)
        bound = module.names.get(text.partition(".")[0]) if text else None
        if not bound:
            return None
        rest = text.partition(".")[2]
        mod_name, _, fn = (f"{bound}.{rest}" if rest else bound).rpartition(".")
        target = self.by_name.get(mod_name)
        if target is None or target.origin != "lib":
            return None
        return (target.rel, fn) if any(isinstance(n, ast.FunctionDef) and n.name == fn for n in target.tree.body) else None

    def resolve(self, module, expr):
        """The (file, class) an expression such as `Name` or `mod.Name` names, if in src/ or lib/."""
        text = dotted(expr)
        if not text:
            return None
        head, _, rest = text.partition(".")
        if head in module.classes and not rest:
            return (module.rel, head)
        bound = module.names.get(head)
        if not bound:
            return None
        full = f"{bound}.{rest}" if rest else bound
        mod_name, _, cls = full.rpartition(".")
        target = self.by_name.get(mod_name)
        if target is None:
            return None
        if cls in target.classes:
            return (target.rel, cls)
        # Re-exported: `from .impl import Class` in a package's __init__.py.
        again = target.names.get(cls)
        if again and again != full:
            return self.resolve(target, ast.parse(again, mode="eval").body) if again.count(".") else None
        return None


def enclosing(classes, node):
    for cls in classes:
        if cls.lineno <= node.lineno <= (cls.end_lineno or cls.lineno):
            return cls.name
    return None


def main_classes(project, entry):
    module = next((m for m in project.modules.values() if m.rel == entry), None)
    if module is None:
        return []
    found = []
    for n in ast.walk(module.tree):
        if isinstance(n, ast.Call) and (dotted(n.func) or "").split(".")[-1] == "main" and n.args:
            key = project.resolve(module, n.args[0])
            if key:
                found.append(key)
    return found


class Objects:
    """How many objects of each class the charm creates (a charm class: one)."""

    def __init__(self, project, charms, called=frozenset()):
        self.project = project
        self.called = called
        self.calls, self.subclasses, self.memo = {}, {}, {}
        self.charm_chain = set()
        for key in charms:
            self._chain(key)
        for module in project.modules.values():
            tops = list(module.classes.values())
            for n in ast.walk(module.tree):
                if isinstance(n, ast.Call):
                    key = project.resolve(module, n.func)
                    if key:
                        self.calls.setdefault(key, []).append((module.rel, enclosing(tops, n), n))
                elif isinstance(n, ast.ClassDef) and n in tops:
                    for b in n.bases:
                        key = project.resolve(module, b)
                        if key:
                            self.subclasses.setdefault(key, []).append((module.rel, n.name))

    def passed(self, key, fn, param):
        """Events passed for `param` of `fn` (the class's `__init__`) over all constructions: a list
        literal counts its items, one expression one; `None` when an argument is left to its default
        (what the library then observes takes a human to read)."""
        names = [a.arg for a in fn.args.args[1:]]
        if key in self.charm_chain or self.subclasses.get(key) or param not in names + [a.arg for a in fn.args.kwonlyargs]:
            return None
        total = 0
        for _, _, call in self.calls.get(key, []):
            arg = next((k.value for k in call.keywords if k.arg == param), None)
            if arg is None and param in names and names.index(param) < len(call.args):
                arg = call.args[names.index(param)]
            if arg is None or (isinstance(arg, ast.Constant) and arg.value is None):
                if empty_by_default(fn, param):
                    continue
                return None
            # Only the charm's own events count: another library object's events passed in
            # (`self.ingress.on.ready`) are that library's, which the model does not show as the charm's.
            items = arg.elts if isinstance(arg, (ast.List, ast.Tuple)) else [arg]
            total += sum(1 for item in items if PASSED_CHARM_EVENT.match(ast.unparse(item)))
        return total

    def _chain(self, key):
        if key in self.charm_chain:
            return
        self.charm_chain.add(key)
        module = self.project.modules[key[0]]
        for b in module.classes[key[1]].bases:
            sub = self.project.resolve(module, b)
            if sub:
                self._chain(sub)

    def count(self, key, seen=()):
        if key in self.charm_chain:
            return 1
        if key in self.memo:
            return self.memo[key]
        if key in seen:
            return 0
        seen = seen + (key,)
        total = 0
        for rel, owner, node in self.calls.get(key, []):
            module = self.project.modules[rel]
            if owner is None:
                top = next((f.name for f in module.tree.body if isinstance(f, ast.FunctionDef) and f.lineno <= node.lineno <= (f.end_lineno or f.lineno)), None)
                total += 1 if module.origin == "src" or (rel, top) in self.called else 0
            else:
                total += self.count((rel, owner), seen)
        for sub in self.subclasses.get(key, []):
            total += self.count(sub, seen)
        self.memo[key] = total
        return total


def is_empty_literal(node):
    """`None`, `[]`, `()`, `{}`."""
    if isinstance(node, ast.Constant):
        return node.value is None
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return not node.elts
    return isinstance(node, ast.Dict) and not node.keys


def empty_by_default(fn, param):
    """A parameter left to its default loops over nothing: the default is None or an empty literal,
    and the function assigns it only under `if <param>:` (`if refresh_event: refresh_event = [refresh_event]`),
    which a falsy default never enters. `if not refresh_event: refresh_event = [...]` takes a human."""
    positional = fn.args.args
    defaults = dict(zip([a.arg for a in positional[len(positional) - len(fn.args.defaults):]], fn.args.defaults))
    defaults.update({a.arg: d for a, d in zip(fn.args.kwonlyargs, fn.args.kw_defaults) if d is not None})
    default = defaults.get(param)
    if not is_empty_literal(default):
        return False

    def assigns(node):
        # `refresh_event = []` when none was passed keeps it empty.
        return any(
            isinstance(t, ast.Name) and t.id == param and not is_empty_literal(n.value)
            for n in ast.walk(node)
            if isinstance(n, (ast.Assign, ast.AugAssign, ast.AnnAssign))
            for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
        )

    def is_param(test):
        return isinstance(test, ast.Name) and test.id == param

    def unguarded(node):
        """An assignment that may run while the parameter is still its falsy default."""
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and is_param(child.test):
                other = child.orelse  # `if param:` ... `else:` (the body never runs)
            elif isinstance(child, ast.If) and isinstance(child.test, ast.UnaryOp) and isinstance(child.test.op, ast.Not) and is_param(child.test.operand):
                other = child.body  # `if not param:` runs; its `elif`/`else` never does
            else:
                if isinstance(child, (ast.Assign, ast.AugAssign, ast.AnnAssign)) and assigns(child):
                    return True
                if unguarded(child):
                    return True
                continue
            if any(unguarded(ast.Module(body=[stmt], type_ignores=[])) for stmt in other):
                return True
        return False

    return not unguarded(fn)


def observe_calls(node):
    """`observe(...)` calls under a node with the loops around each (outermost first)."""
    out = []

    def visit(n, loops, ifs):
        # `self.framework.observe(...)`, or `observe = self.framework.observe` then `observe(...)`.
        if isinstance(n, ast.Call):
            callee = n.func.attr if isinstance(n.func, ast.Attribute) else n.func.id if isinstance(n.func, ast.Name) else None
            if callee == "observe" and len(n.args) + len(n.keywords) >= 2:
                out.append((n, loops, ifs))
        # `[observe(e, h) for e in [...]]`: the element runs once per item, like a `for` body.
        comprehension = None
        if isinstance(n, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)) and len(n.generators) == 1:
            comprehension = n.generators[0]
            comprehension.lineno = n.lineno
        for child in ast.iter_child_nodes(n):
            if comprehension is not None and child is not comprehension:
                visit(child, loops + [comprehension], ifs + len(comprehension.ifs))
            elif isinstance(n, (ast.For, ast.AsyncFor)) and child in n.body:
                visit(child, loops + [n], ifs)
            elif isinstance(n, ast.If) and child is not n.test:
                visit(child, loops, ifs + 1)
            else:
                visit(child, loops, ifs)

    visit(node, [], 0)
    return out


# Event attributes after `on[name]` that Juju delivers; any other is a custom event a library
# defined on the charm's `on` (`charm.on[self.name].acquire_lock`), emitted by the library itself.
KEYED_JUJU = re.compile(r"\]\s*\.\s*(relation_\w+|pebble_\w+|storage_\w+|action)\s*$")
KEYED = re.compile(r"\bon\s*\[[^\]]*\]\s*\.\s*\w+\s*$")
PASSED_CHARM_EVENT = re.compile(r"^(self|charm_?|self\._?charm)\.on\b")
CHARM_ON = re.compile(r"\b_?charm\s*\.\s*on\b|\bcharm_?\s*\.\s*on\b")


def object_independent(expression):
    """The event an expression names is the same for every object that runs it: no subscript, or
    subscripts by a string or a module constant (`on[RELATION_OFFER]`), not by what the object holds
    (`on[self.relation_name]`, `on[relation_name]`)."""
    keys = re.findall(r"\[([^\]]*)\]", expression)
    return all(re.fullmatch(r"\s*(\"[^\"]*\"|'[^']*'|[A-Z][A-Z0-9_]*)\s*", k) for k in keys)


def loop_size(loop, fn_node):
    if getattr(loop, "ifs", None):
        return None  # a comprehension's filter: which items it keeps takes a human
    it = loop.iter
    # `events = [...]` earlier in the function, then `for event in events:`.
    params = {a.arg for a in fn_node.args.args + fn_node.args.kwonlyargs} if fn_node is not None else set()
    if isinstance(it, ast.Name) and fn_node is not None and it.id not in params:
        name = it.id
        for n in ast.walk(fn_node):
            if isinstance(n, ast.Assign) and n.lineno < loop.lineno and any(isinstance(t, ast.Name) and t.id == name for t in n.targets):
                it = n.value
    return len(it.elts) if isinstance(it, (ast.List, ast.Tuple, ast.Set)) else None


def main():
    root, src, entry = sys.argv[1], sys.argv[2], sys.argv[3]
    project = Project(root, src)
    # Library functions the charm's source calls (`provide_nginx_route(charm, ...)`): their observe calls run for the charm.
    called = set()
    for module in project.modules.values():
        if module.origin == "src":
            for n in ast.walk(module.tree):
                if isinstance(n, ast.Call):
                    key = project.resolve_function(module, n.func)
                    if key:
                        called.add(key)
    objects = Objects(project, main_classes(project, entry), called)
    sites = []
    for module in project.modules.values():
        tops = list(module.classes.values())
        for call, loops, ifs in observe_calls(module.tree):
            owner = enclosing(tops, call)
            count = objects.count((module.rel, owner)) if owner else None
            in_called = False
            if owner is None and module.origin == "lib":
                top = next((f.name for f in module.tree.body if isinstance(f, ast.FunctionDef) and f.lineno <= call.lineno <= (f.end_lineno or f.lineno)), None)
                in_called = (module.rel, top) in called
                count = 1 if in_called else None
            if module.origin == "lib" and not count:
                continue  # library code this charm does not run
            functions = [f for f in ast.walk(module.tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))]
            fn_node = next((f for f in reversed(functions) if f.lineno <= call.lineno <= (f.end_lineno or f.lineno)), None)
            fn = fn_node.name if fn_node else None
            # `for ev in refresh_event:` over an `__init__` parameter: what the charm passed.
            passed = None
            if len(loops) == 1 and isinstance(loops[0].iter, ast.Name) and fn == "__init__" and owner:
                passed = objects.passed((module.rel, owner), fn_node, loops[0].iter.id)
            event = call.args[0] if call.args else call.keywords[0].value
            written = ast.get_source_segment(module.text, event) or ""
            head = event
            while isinstance(head, (ast.Attribute, ast.Subscript)):
                head = head.value
            # `events = self._charm.on[name]` then `observe(events.relation_joined, ...)`.
            through = ""
            if isinstance(head, ast.Name) and not isinstance(event, ast.Name) and fn_node is not None:
                for n in ast.walk(fn_node):
                    if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == head.id for t in n.targets) and n.lineno < call.lineno:
                        through = ast.get_source_segment(module.text, n.value) or ""
            sites.append({
                "file": module.rel,
                "line": call.lineno,
                "column": call.col_offset + 1,
                "origin": module.origin,
                "class": owner,
                "function": fn,
                # Objects of the class that run this code: null when the script sees no construction.
                # The same charm event observed by each of several objects with one method (two
                # ingress objects on `leader_elected`) is one entry on the page.
                "objects": (min(count, 1) if module.origin == "lib" and not loops and object_independent(written + through) and count else count) or None,
                "event": written,
                # Juju delivers it to the charm: the charm's own code, or the charm's `on` reached
                # from a library object (`self._charm.on[...]`), or events the charm passed in (a
                # bare name); not a library object's own custom events (`self.on.upgrade_granted`).
                # A library function the charm calls observes with the charm's own handlers.
                "charmEvent": (module.origin == "src" or in_called or (module.rel, owner) in objects.charm_chain or bool(CHARM_ON.search(written) or CHARM_ON.search(through)) or isinstance(event, ast.Name))
                and not (KEYED.search(written) and not KEYED_JUJU.search(written)),
                "loops": [{"iter": ast.get_source_segment(module.text, l.iter) or "", "size": loop_size(l, fn_node) if passed is None else passed} for l in loops],
                "conditional": ifs > 0,
            })
    json.dump({"sites": sites, "unparsed": project.unparsed}, sys.stdout)


main()
