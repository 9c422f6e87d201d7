/* Tagging with the linear-chain CRF: state scores from attribute ids, then Viterbi.
 *
 * python-crfsuite takes attributes as strings and converts and looks up every one of them on every
 * call, which costs most of its tagging time. The featuriser caches attribute ids per word instead,
 * and this module sums their weights and finds the best label sequence, as crfsuite's own Viterbi
 * does (scores in the log domain, the first of equal scores wins), so the tags are the same.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <float.h>
#include <stdlib.h>

static const char TOKEN_ERROR[] = "a token must be a sequence of sequences of attribute ids";

/* Adds the weights of a token's attributes (groups of ids) to scores[0..L). */
static int
add_state(PyObject *token, const double *weights, Py_ssize_t rows, Py_ssize_t L, double *scores)
{
    PyObject *groups = PySequence_Fast(token, TOKEN_ERROR);
    if (!groups)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(groups);
    for (Py_ssize_t g = 0; g < n; g++) {
        PyObject *ids = PySequence_Fast(PySequence_Fast_GET_ITEM(groups, g), TOKEN_ERROR);
        if (!ids) {
            Py_DECREF(groups);
            return -1;
        }
        Py_ssize_t m = PySequence_Fast_GET_SIZE(ids);
        for (Py_ssize_t a = 0; a < m; a++) {
            Py_ssize_t id = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(ids, a));
            if (id < 0 || id >= rows) {
                if (!PyErr_Occurred())
                    PyErr_Format(PyExc_IndexError, "attribute id %zd is not in the weight table", id);
                Py_DECREF(ids);
                Py_DECREF(groups);
                return -1;
            }
            const double *row = weights + id * L;
            for (Py_ssize_t y = 0; y < L; y++)
                scores[y] += row[y];
        }
        Py_DECREF(ids);
    }
    Py_DECREF(groups);
    return 0;
}

static PyObject *
viterbi(PyObject *self, PyObject *args)
{
    Py_buffer w, t;
    PyObject *labels, *sentence;
    if (!PyArg_ParseTuple(args, "y*y*O!O:viterbi", &w, &t, &PyTuple_Type, &labels, &sentence))
        return NULL;
    PyObject *result = NULL, *tokens = NULL;
    double *best = NULL;
    int *back = NULL;
    Py_ssize_t L = PyTuple_GET_SIZE(labels);
    if (L == 0 || t.len != L * L * (Py_ssize_t)sizeof(double) || w.len % (L * (Py_ssize_t)sizeof(double))) {
        PyErr_SetString(PyExc_ValueError, "the weights or the transitions do not match the labels");
        goto done;
    }
    tokens = PySequence_Fast(sentence, "a sentence must be a sequence of tokens");
    if (!tokens)
        goto done;
    Py_ssize_t T = PySequence_Fast_GET_SIZE(tokens), rows = w.len / (L * (Py_ssize_t)sizeof(double));
    const double *weights = (const double *)w.buf, *trans = (const double *)t.buf;
    /* best[0..L): best score of a path ending in each label; [L..2L): the next position's; [2L..3L): state scores */
    best = malloc(sizeof(double) * 3 * L);
    back = malloc(sizeof(int) * L * (T ? T : 1));
    if (!best || !back) {
        PyErr_NoMemory();
        goto done;
    }
    double *next = best + L, *state = best + 2 * L;
    for (Py_ssize_t i = 0; i < T; i++) {
        for (Py_ssize_t y = 0; y < L; y++)
            state[y] = 0.0;
        if (add_state(PySequence_Fast_GET_ITEM(tokens, i), weights, rows, L, state) < 0)
            goto done;
        int *from = back + i * L;
        for (Py_ssize_t y = 0; y < L; y++) {
            if (i == 0) {
                next[y] = state[y];
                from[y] = 0;
                continue;
            }
            double top = -DBL_MAX;
            int arg = 0;
            for (Py_ssize_t x = 0; x < L; x++) {
                double s = best[x] + trans[x * L + y];
                if (top < s) {
                    top = s;
                    arg = (int)x;
                }
            }
            next[y] = top + state[y];
            from[y] = arg;
        }
        for (Py_ssize_t y = 0; y < L; y++)
            best[y] = next[y];
    }
    result = PyList_New(T);
    if (!result || T == 0)
        goto done;
    int y = 0;
    for (Py_ssize_t x = 1; x < L; x++)
        if (best[y] < best[x])
            y = (int)x;
    for (Py_ssize_t i = T - 1; i >= 0; i--) {
        PyObject *label = PyTuple_GET_ITEM(labels, y);
        Py_INCREF(label);
        PyList_SET_ITEM(result, i, label);
        y = back[i * L + y];
    }
done:
    free(best);
    free(back);
    Py_XDECREF(tokens);
    PyBuffer_Release(&w);
    PyBuffer_Release(&t);
    return result;
}

static PyMethodDef methods[] = {
    {"viterbi", viterbi, METH_VARARGS,
     "viterbi(weights, transitions, labels, sentence) -> list of labels\n\n"
     "weights: doubles, a row of len(labels) per attribute id; transitions: doubles, from each label\n"
     "(row) to each label (column); sentence: for each token, groups of attribute ids. Returns the\n"
     "items of labels on the best path."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_crf", "Tagging with the linear-chain CRF.", -1, methods};

PyMODINIT_FUNC
PyInit__crf(void)
{
    return PyModule_Create(&module);
}
