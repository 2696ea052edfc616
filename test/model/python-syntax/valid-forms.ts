/**
 * Valid Python syntax forms, 3.8 to 3.13, each small and self-contained. `since` is the first
 * Python version that accepts the form; the test compiles each with CPython (the referee) and
 * expects the model's parser to report no syntax error for any of them.
 */
export interface SyntaxForm {
  name: string;
  since: '3.8' | '3.9' | '3.10' | '3.11' | '3.12' | '3.13';
  code: string;
}

export const VALID_FORMS: SyntaxForm[] = [
  {name: 'bare yield statement', since: '3.8', code: 'def gen():\n    yield\n'},
  {
    name: 'bare yield in a loop and as an expression',
    since: '3.8',
    code: 'def gen():\n    for _ in range(3):\n        yield\n    x = yield\n    y = (yield)\n    return x, y\n',
  },
  {name: 'yield from', since: '3.8', code: 'def gen(items):\n    yield from items\n'},
  {
    name: 'walrus in if and comprehension',
    since: '3.8',
    code: 'def f(data):\n    if (n := len(data)) > 3:\n        return n\n    return [y for x in data if (y := x * 2)]\n',
  },
  {name: 'positional-only parameters', since: '3.8', code: 'def f(a, b, /, c, *, d=1):\n    return a + b + c + d\n'},
  {name: 'f-string = specifier and conversions', since: '3.8', code: 'x = 1\ns = f"{x=} {x!r:>10} {x:{4}}"\n'},
  {
    name: 'return and yield of starred tuples',
    since: '3.8',
    code: 'def f(a, b):\n    return *a, *b\n\ndef g(a):\n    yield *a, 1\n',
  },
  {
    name: 'async comprehension, async with, async for',
    since: '3.8',
    code: 'async def f(s, lock):\n    async with lock:\n        pass\n    async for x in s:\n        await x\n    return [x async for x in s]\n',
  },
  {
    name: 'try, except, else, finally; raise from',
    since: '3.8',
    code: 'try:\n    pass\nexcept (KeyError, ValueError) as e:\n    raise RuntimeError("x") from e\nelse:\n    pass\nfinally:\n    pass\n',
  },
  {
    name: 'global, nonlocal, del, assert',
    since: '3.8',
    code: 'G = 1\n\ndef outer():\n    x = 1\n    def inner():\n        nonlocal x\n        global G\n        x += 1\n        del G\n    assert x, "message"\n    return inner\n',
  },
  {
    name: 'lambda with defaults, star args and conditional expression',
    since: '3.8',
    code: 'f = lambda a, b=2, *c, d=4, **e: a if b else d\n',
  },
  {
    name: 'decorators with arguments, class keyword arguments',
    since: '3.8',
    code: 'import functools\n\n@functools.lru_cache(maxsize=None)\ndef f():\n    pass\n\nclass A(object, metaclass=type):\n    @property\n    def p(self):\n        return 1\n',
  },
  {
    name: 'numbers: underscores, hex, octal, binary, complex, floats',
    since: '3.8',
    code: 'n = 1_000_000 + 0x_FF + 0o17 + 0b1010 + 1e-3 + 2j + .5 + 5.\n',
  },
  {
    name: 'string prefixes and implicit concatenation',
    since: '3.8',
    code: 's = r"\\d" "x"\nb = Rb"\\x" b"y"\nt = ("a" "b"\n     "c")\nu = u"x" + f"{1}" + rf"\\{2}" + FR"y"\n',
  },
  {name: 'line continuation and semicolons', since: '3.8', code: 'x = 1 + \\\n    2; y = 3; z = 4\n'},
  {
    name: 'one-line compound statements',
    since: '3.8',
    code: 'if True: pass\nwhile False: break\nfor i in []: continue\nclass E(Exception): pass\ndef f(): return None\n',
  },
  {
    name: 'chained comparisons, matrix multiply, augmented assignment',
    since: '3.8',
    code: 'def f(a, b, m):\n    m @= m\n    a //= 2\n    b **= 2\n    return 0 < a <= b != 3 and a is not None and b not in (1, 2)\n',
  },
  {
    name: 'dict, set and generator comprehensions, unpacking',
    since: '3.8',
    code: 'd = {k: v for k, v in {}.items()}\ns = {x for x in range(3)}\ng = (x for x in range(3))\nm = {**d, "a": 1}\nl = [*s, *g]\nfirst, *rest = [1, 2, 3]\n',
  },
  {
    name: 'relative imports, parenthesised with a trailing comma',
    since: '3.8',
    code: 'try:\n    from . import mod\n    from ..pkg.sub import (a, b,)\nexcept ImportError:\n    pass\n',
  },
  {
    name: 'annotations: variables, returns, string and subscript',
    since: '3.8',
    code: 'import typing\n\nx: int\ny: "typing.List[int]" = []\n\ndef f(a: typing.Optional[int] = None) -> typing.Dict[str, int]:\n    return {}\n',
  },
  {
    name: 'ellipsis bodies and slices',
    since: '3.8',
    code: 'class P:\n    def m(self): ...\n\nx = [1, 2, 3][::-1][1:2]\n',
  },
  {
    name: 'soft keywords used as names',
    since: '3.8',
    code: 'match = 1\ncase = 2\ntype = 3\n_ = match + case + type\nprint(match, case)\n',
  },
  {
    name: 'relaxed decorator expressions',
    since: '3.9',
    code: 'handlers = [lambda f: f]\n\n@handlers[0]\ndef f():\n    pass\n\n@(lambda f: f)\ndef g():\n    pass\n',
  },
  {
    name: 'parenthesised context managers',
    since: '3.10',
    code: 'def f(a, b):\n    with (\n        open(a) as x,\n        open(b) as y,\n    ):\n        return x, y\n',
  },
  {
    name: 'match statement with class, mapping, sequence, guard and or patterns',
    since: '3.10',
    code: 'def f(command):\n    match command:\n        case {"action": "run", **rest}:\n            return rest\n        case [first, *others] if first:\n            return others\n        case Point(x=0, y=0) | None:\n            return 0\n        case str() as s:\n            return s\n        case _:\n            return None\n',
  },
  {
    name: 'match on an unparenthesised tuple',
    since: '3.10',
    code: 'def f(a, b):\n    match a, b:\n        case 1, 2:\n            return True\n    return False\n',
  },
  {
    name: 'match on an unparenthesised tuple of attributes in a method, code after it',
    since: '3.10',
    code: 'class C:\n    def f(self):\n        match self.a.b, self.c:\n            case 1, 2:\n                pass\n            case _:\n                pass\n        return self\n\n    def g(self):\n        return 1\n',
  },
  {
    name: 'except* (exception groups)',
    since: '3.11',
    code: 'try:\n    pass\nexcept* ValueError as eg:\n    pass\nexcept* (TypeError, KeyError):\n    pass\n',
  },
  {name: 'starred expressions in subscripts', since: '3.11', code: 'def f(a, b):\n    return a[*b]\n'},
  {name: 'type alias statement', since: '3.12', code: 'type Point = tuple[float, float]\ntype ListOf[T] = list[T]\n'},
  {
    name: 'generic functions and classes',
    since: '3.12',
    code: 'def first[T](items: list[T]) -> T:\n    return items[0]\n\nclass Box[T]:\n    def get(self) -> T: ...\n',
  },
  {
    name: 'f-strings reusing the outer quote',
    since: '3.12',
    code: 'names = ["a"]\ns = f"{", ".join(names)}"\nt = f"{f"{1}"}"\n',
  },
  {name: 'type parameter defaults', since: '3.13', code: 'class Box[T = int]:\n    pass\n'},
];
