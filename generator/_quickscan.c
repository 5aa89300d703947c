/* The quick path's reading of a usual file (generator/quickload.py, `read`): its values, built
 * straight from its bytes, as the full loader reads them — or None, for anything outside a small
 * subset of YAML, and the file goes on to rapidyaml and the full loader as before.
 *
 * The subset: block mappings and block sequences by indentation (a sequence at its key's
 * indentation or deeper, `- key: value` mappings in items), one-line plain scalars, empty
 * values (null).  Refused: any byte quickload._UNCOMMON holds (quotes, comments, flow
 * collections, block scalars, `.`, tabs, CR, indicators …: setup's `uncommon`, and those in any case), bytes not
 * UTF-8, U+2028/2029/FEFF/FFFE/FFFF, a scalar continued on a next line, `- - x`, an empty
 * `-` item, a value holding `: ` or ending with `:`, a duplicate key, a key our rules would
 * not read as the same text (setup's `plain_text_key`) or longer than KEY_MAX, a scalar
 * not begun with a letter, a digit, `_`, `-` and a digit or a non-ASCII character, an integer other than
 * `-?(0|[1-9][0-9]{0,17})` (load.INT's, but `+`), digits then `e x o b _ +` (`1e3`, `0x1F`: numbers to
 * rapidyaml and YAML 1.1), `True`/`NULL`/… (quickload._ODD), a container as deep as
 * load.MAX_DEPTH - 1, a top level that is not a mapping at the margin, an indentation that
 * goes back to no open block's.
 *
 * What it gives is what quickload._nodes_if_plain gives of rapidyaml's reading: keys interned,
 * strings of at most load.SHARED_LEN characters interned, and every key, string, number (as
 * written: the only form accepted is str(int)'s) and "true"/"false" added to `texts`.
 * Every read of the bytes is bounded by their length; a refusal returns NULL with no
 * exception set (→ None), after releasing what was built. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define KEY_MAX 256 /* PyYAML refuses a key of more than 1024 characters on one line; well below */

static unsigned char uncommon[256];    /* 1: a byte the subset never holds */
static PyObject *good_keys;            /* quickload._GOOD_KEYS: keys known to read as text */
static PyObject *plain_text_key;       /* quickload._plain_text_key */
static PyObject *text_true, *text_false;
static Py_ssize_t shared_len = -1;     /* load.SHARED_LEN; -1: setup not called */
static long deepest = 0;               /* load.MAX_DEPTH - 1: no container as deep */

typedef struct {
    const unsigned char *p;
    Py_ssize_t n;
    Py_ssize_t next;  /* where the line after the current one begins */
    int have;         /* a current line: the next one holding more than spaces */
    Py_ssize_t ind;   /* its indentation (spaces) */
    Py_ssize_t cs;    /* where its content starts (p[cs] is not a space) */
    Py_ssize_t ce;    /* where its content ends, the spaces before its line break left out */
    PyObject *texts;
} Scan;

/* The next line holding more than spaces (every line ends with "\n": checked first). */
static void advance(Scan *S)
{
    Py_ssize_t pos = S->next;
    S->have = 0;
    while (pos < S->n) {
        const unsigned char *eol = memchr(S->p + pos, '\n', (size_t)(S->n - pos));
        Py_ssize_t end, i = pos;
        if (eol == NULL)
            return;
        end = eol - S->p;
        while (i < end && S->p[i] == ' ')
            i++;
        if (i == end) {
            pos = end + 1;
            continue;
        }
        S->ind = i - pos;
        S->cs = i;
        while (end > i && S->p[end - 1] == ' ')
            end--;
        S->ce = end;
        S->next = (eol - S->p) + 1;
        S->have = 1;
        return;
    }
}

/* Every byte outside `uncommon`, the text UTF-8 (as Python's strict decoder reads it), none of
 * U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF, and a line break last. */
static int usual_bytes(const unsigned char *p, Py_ssize_t n)
{
    Py_ssize_t i = 0;
    if (n == 0 || p[n - 1] != '\n')
        return 0;
    while (i < n) {
        unsigned char b = p[i];
        if (uncommon[b])
            return 0;
        if (b < 0x80) {
            i++;
            continue;
        }
        if (b < 0xC2)
            return 0;
        if (b < 0xE0) {
            if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80)
                return 0;
            i += 2;
        }
        else if (b < 0xF0) {
            unsigned char c1, c2;
            if (i + 2 >= n || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80)
                return 0;
            c1 = p[i + 1];
            c2 = p[i + 2];
            if ((b == 0xE0 && c1 < 0xA0) || (b == 0xED && c1 >= 0xA0))
                return 0; /* overlong, surrogate */
            if (b == 0xE2 && c1 == 0x80 && (c2 == 0xA8 || c2 == 0xA9))
                return 0; /* U+2028, U+2029 */
            if (b == 0xEF && ((c1 == 0xBB && c2 == 0xBF) || (c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF))))
                return 0; /* U+FEFF, U+FFFE, U+FFFF */
            i += 3;
        }
        else if (b < 0xF5) {
            if (i + 3 >= n || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80 || (p[i + 3] & 0xC0) != 0x80)
                return 0;
            if ((b == 0xF0 && p[i + 1] < 0x90) || (b == 0xF4 && p[i + 1] >= 0x90))
                return 0;
            i += 4;
        }
        else
            return 0;
    }
    return 1;
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alnum(unsigned char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* The current line is a list item: "-" then a space (or nothing: an empty item). */
static int is_item(const Scan *S)
{
    return S->p[S->cs] == '-' && (S->cs + 1 == S->ce || S->p[S->cs + 1] == ' ');
}

/* Where [a, e) has a colon that ends a key (a space or the end after it), or -1. */
static Py_ssize_t key_colon(const unsigned char *p, Py_ssize_t a, Py_ssize_t e)
{
    for (Py_ssize_t i = a; i < e; i++)
        if (p[i] == ':' && (i + 1 == e || p[i + 1] == ' '))
            return i;
    return -1;
}

static PyObject *decoded(const Scan *S, Py_ssize_t a, Py_ssize_t e)
{
    PyObject *s = PyUnicode_DecodeUTF8((const char *)S->p + a, e - a, "strict");
    if (s == NULL && PyErr_ExceptionMatches(PyExc_UnicodeDecodeError))
        PyErr_Clear(); /* (usual_bytes let nothing through that fails here: refused all the same) */
    return s;
}

/* The texts of at most SHARED_LEN characters met lately, interned, by a hash of their bytes: a key or a date
 * met again is neither decoded nor looked up in the interned texts again (≈40 % of a ledger's reading). */
#define CACHED 4096 /* (a power of two) */
static PyObject *cached[CACHED];

static size_t slot_of(const unsigned char *p, Py_ssize_t len)
{
    uint64_t first = 0, last = 0, h;
    memcpy(&first, p, (size_t)(len < 8 ? len : 8));
    if (len > 8)
        memcpy(&last, p + len - 8, 8);
    h = ((uint64_t)len * 0x9E3779B97F4A7C15ull) ^ (first * 0xC2B2AE3D27D4EB4Full) ^ (last * 0x165667B19E3779F9ull);
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    return (size_t)(h >> 40) & (CACHED - 1);
}

/* The text [a, e): interned if `key` or of at most shared_len characters (as quickload._nodes_if_plain
 * interns them), else as decoded. */
static PyObject *text_of(const Scan *S, Py_ssize_t a, Py_ssize_t e, int key)
{
    Py_ssize_t len = e - a, size;
    PyObject **slot = NULL, *text;
    if (len <= 4 * shared_len) {
        slot = &cached[slot_of(S->p + a, len)];
        if (*slot != NULL) {
            const char *utf8 = PyUnicode_AsUTF8AndSize(*slot, &size);
            if (utf8 == NULL)
                return NULL;
            if (size == len && memcmp(utf8, S->p + a, (size_t)len) == 0)
                return Py_NewRef(*slot);
        }
    }
    if ((text = decoded(S, a, e)) == NULL)
        return NULL;
    if (PyUnicode_GET_LENGTH(text) <= shared_len) {
        PyUnicode_InternInPlace(&text);
        if (slot != NULL)
            Py_XSETREF(*slot, Py_NewRef(text));
    }
    else if (key)
        PyUnicode_InternInPlace(&text);
    return text;
}

static int same(const unsigned char *p, Py_ssize_t len, const char *word)
{
    return (size_t)len == strlen(word) && memcmp(p, word, (size_t)len) == 0;
}

/* A one-line plain scalar [a, e) (not empty, no trailing space) as load.scalar reads it, with its
 * text added to S->texts; NULL: refused (no exception) or an error. */
static PyObject *scalar(Scan *S, Py_ssize_t a, Py_ssize_t e)
{
    const unsigned char *p = S->p + a;
    Py_ssize_t len = e - a, digits, i;
    PyObject *value;
    int minus;
    if (memchr(p, ':', (size_t)len) != NULL && key_colon(S->p, a, e) >= 0)
        return NULL; /* `: ` inside, or `:` last */
    minus = p[0] == '-';
    if (!(is_alnum(p[0]) || p[0] >= 0x80 || p[0] == '_' || (minus && len > 1 && is_digit(p[1]))))
        return NULL;
    if (same(p, len, "null"))
        Py_RETURN_NONE;
    if (same(p, len, "true") || same(p, len, "false")) {
        PyObject *text = p[0] == 't' ? text_true : text_false;
        if (PySet_Add(S->texts, text) < 0)
            return NULL;
        return Py_NewRef(p[0] == 't' ? Py_True : Py_False);
    }
    if (same(p, len, "True") || same(p, len, "TRUE") || same(p, len, "False") || same(p, len, "FALSE")
        || same(p, len, "Null") || same(p, len, "NULL"))
        return NULL; /* quickload._ODD */
    if (is_digit(p[minus])) {
        for (digits = 0; minus + digits < len && is_digit(p[minus + digits]); digits++)
            ;
        if (minus + digits == len) { /* -?[0-9]+: an integer when load.INT reads it so */
            long long n = 0;
            if (digits > 18 || (p[minus] == '0' && (digits > 1 || minus)))
                return NULL;
            for (i = minus; i < len; i++)
                n = n * 10 + (p[i] - '0');
            if ((value = text_of(S, a, e, 0)) == NULL) /* (its text as written: str(int)'s) */
                return NULL;
            if (PySet_Add(S->texts, value) < 0) {
                Py_DECREF(value);
                return NULL;
            }
            Py_DECREF(value);
            return PyLong_FromLongLong(minus ? -n : n);
        }
        /* a date, a period, an id, 3人, 10:30 …: text; not 0x1F, 0o7, 0b1, 1e3, 1_000 (numbers to rapidyaml
         * and YAML 1.1, text to our rules: refused all the same) */
        if (strchr("eExXoObB_+", p[minus + digits]) != NULL)
            return NULL;
    }
    if ((value = text_of(S, a, e, 0)) == NULL)
        return NULL;
    if (PySet_Add(S->texts, value) < 0) {
        Py_DECREF(value);
        return NULL;
    }
    return value;
}

/* The key [a, e) interned, read by our rules as the same text (quickload._good_keys), added to
 * S->texts; NULL: refused or an error. */
static PyObject *key_text(Scan *S, Py_ssize_t a, Py_ssize_t e)
{
    const unsigned char *p = S->p;
    PyObject *key;
    int known;
    if (e <= a || e - a > KEY_MAX || p[e - 1] == ' ' || memchr(p + a, ':', (size_t)(e - a)) != NULL)
        return NULL;
    if (!(is_alnum(p[a]) || p[a] == '_' || p[a] >= 0x80))
        return NULL;
    if ((key = text_of(S, a, e, 1)) == NULL)
        return NULL;
    known = PySet_Contains(good_keys, key);
    if (known == 0) {
        PyObject *plain = PyObject_CallOneArg(plain_text_key, key);
        int yes = plain == NULL ? -1 : PyObject_IsTrue(plain);
        Py_XDECREF(plain);
        if (yes <= 0) {
            Py_DECREF(key);
            return NULL;
        }
        if (PySet_GET_SIZE(good_keys) < 10000 && PySet_Add(good_keys, key) < 0) {
            Py_DECREF(key);
            return NULL;
        }
    }
    if (known < 0 || PySet_Add(S->texts, key) < 0) {
        Py_DECREF(key);
        return NULL;
    }
    return key;
}

static PyObject *mapping(Scan *S, Py_ssize_t col, long depth, Py_ssize_t first);
static PyObject *sequence(Scan *S, Py_ssize_t col, long depth, int indentless);

/* The value of a key at column `col` whose line ends after its colon: the block below it (deeper,
 * or a list at the key's own column), or null.  The current line is the one after the key's. */
static PyObject *block_value(Scan *S, Py_ssize_t col, long depth)
{
    if (S->have && S->ind > col)
        return is_item(S) ? sequence(S, S->ind, depth + 1, 0) : mapping(S, S->ind, depth + 1, -1);
    if (S->have && S->ind == col && is_item(S))
        return sequence(S, col, depth + 1, 1);
    Py_RETURN_NONE;
}

/* A mapping whose keys are at column `col`, its first key at `first` of the current line (a list
 * item's), or (first < 0) the current line's content. */
static PyObject *mapping(Scan *S, Py_ssize_t col, long depth, Py_ssize_t first)
{
    PyObject *dict, *key = NULL, *value = NULL;
    Py_ssize_t a = first >= 0 ? first : S->cs;
    if (depth >= deepest || (dict = PyDict_New()) == NULL)
        return NULL;
    for (;;) {
        Py_ssize_t colon, v;
        if (first < 0 && is_item(S))
            goto refused; /* `- ` where a key is */
        first = -1;
        colon = key_colon(S->p, a, S->ce);
        if (colon < 0 || (key = key_text(S, a, colon)) == NULL)
            goto refused;
        if (PyDict_Contains(dict, key) != 0)
            goto refused; /* written twice (or an error) */
        for (v = colon + 1; v < S->ce && S->p[v] == ' '; v++)
            ;
        if (v < S->ce) {
            Py_ssize_t end = S->ce;
            if ((value = scalar(S, v, end)) == NULL)
                goto refused;
            advance(S); /* (a line deeper than `col` next, a scalar continued or text below it: refused below) */
        }
        else {
            advance(S);
            if ((value = block_value(S, col, depth)) == NULL)
                goto refused;
        }
        if (PyDict_SetItem(dict, key, value) < 0)
            goto refused;
        Py_CLEAR(key);
        Py_CLEAR(value);
        if (!S->have || S->ind < col)
            return dict;
        if (S->ind > col)
            goto refused; /* a scalar continued, or an indentation no open block has */
        a = S->cs;
    }
refused:
    Py_XDECREF(key);
    Py_XDECREF(value);
    Py_DECREF(dict);
    return NULL;
}

/* A list whose dashes are at column `col` (the current line is its first item); `indentless`: at
 * its key's column, so a line there that is no item ends it. */
static PyObject *sequence(Scan *S, Py_ssize_t col, long depth, int indentless)
{
    PyObject *list, *value = NULL;
    if (depth >= deepest || (list = PyList_New(0)) == NULL)
        return NULL;
    for (;;) {
        Py_ssize_t c = S->cs + 1;
        if (c == S->ce)
            goto refused; /* an empty item */
        while (c < S->ce && S->p[c] == ' ')
            c++;
        if (S->p[c] == '-' && (c + 1 == S->ce || S->p[c + 1] == ' '))
            goto refused; /* - - x */
        if (key_colon(S->p, c, S->ce) >= 0) {
            if ((value = mapping(S, S->ind + (c - S->cs), depth + 1, c)) == NULL)
                goto refused;
        }
        else {
            Py_ssize_t end = S->ce;
            if ((value = scalar(S, c, end)) == NULL)
                goto refused;
            advance(S);
        }
        if (PyList_Append(list, value) < 0)
            goto refused;
        Py_CLEAR(value);
        if (!S->have || S->ind < col)
            return list;
        if (S->ind > col)
            goto refused;
        if (!is_item(S)) {
            if (indentless)
                return list;
            goto refused;
        }
    }
refused:
    Py_XDECREF(value);
    Py_DECREF(list);
    return NULL;
}

static PyObject *scan(PyObject *self, PyObject *args)
{
    Py_buffer doc;
    PyObject *texts, *root = NULL;
    Scan S;
    if (!PyArg_ParseTuple(args, "y*O!:scan", &doc, &PySet_Type, &texts))
        return NULL;
    if (shared_len < 0) {
        PyBuffer_Release(&doc);
        PyErr_SetString(PyExc_RuntimeError, "_quickscan.setup was not called");
        return NULL;
    }
    S.p = doc.buf;
    S.n = doc.len;
    S.next = 0;
    S.texts = texts;
    if (usual_bytes(S.p, S.n)) {
        advance(&S);
        if (S.have && S.ind == 0 && !is_item(&S)) {
            root = mapping(&S, 0, 0, -1);
            if (root != NULL && S.have)
                Py_CLEAR(root); /* (a line left: cannot be, the top level ends only at the end) */
        }
    }
    PyBuffer_Release(&doc);
    if (root == NULL) {
        if (PyErr_Occurred())
            return NULL;
        Py_RETURN_NONE;
    }
    return root;
}

static PyObject *setup(PyObject *self, PyObject *args)
{
    Py_buffer bytes;
    PyObject *good, *plain;
    Py_ssize_t shared;
    long max_depth;
    if (!PyArg_ParseTuple(args, "y*O!Onl:setup", &bytes, &PySet_Type, &good, &plain, &shared, &max_depth))
        return NULL;
    memset(uncommon, 0, sizeof uncommon);
    for (Py_ssize_t i = 0; i < bytes.len; i++)
        uncommon[((const unsigned char *)bytes.buf)[i]] = 1;
    PyBuffer_Release(&bytes);
    /* (and in any case what this reading never reads as YAML does: controls, CR and tabs — its lines end with
     * "\n" alone —, comments, quotes, flow collections, block scalars, indicators, escapes, `.` (floats)) */
    for (int b = 0; b < 0x20; b++)
        if (b != '\n')
            uncommon[b] = 1;
    for (const char *c = "\x7f#'\"[]{}|>&*!%@`?\\<."; *c; c++)
        uncommon[(unsigned char)*c] = 1;
    uncommon[0xC2] = 1; /* the lead byte of U+0080–U+00BF: C1 controls, no-break space */
    Py_INCREF(good);
    Py_XSETREF(good_keys, good);
    Py_INCREF(plain);
    Py_XSETREF(plain_text_key, plain);
    shared_len = shared;
    deepest = max_depth - 1;
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"scan", scan, METH_VARARGS,
     "scan(doc: bytes, texts: set) -> dict | None: a usual file's values, or None (outside the subset)."},
    {"setup", setup, METH_VARARGS,
     "setup(uncommon: bytes, good_keys: set, plain_text_key, shared_len: int, max_depth: int)."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_quickscan", NULL, -1, methods};

PyMODINIT_FUNC PyInit__quickscan(void)
{
    text_true = PyUnicode_InternFromString("true");
    text_false = PyUnicode_InternFromString("false");
    if (text_true == NULL || text_false == NULL)
        return NULL;
    return PyModule_Create(&module);
}
