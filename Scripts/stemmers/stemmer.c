/* One Snowball algorithm as a WebAssembly module for the search page (Scripts/build-stemmers.sh).
 * Exports `memory`, `alloc` and `stem`:
 *   alloc(size)       -> the module's input buffer, at least `size` bytes (reused, so never freed);
 *   stem(word, size)  -> the stem of the UTF-8 `word` as a NUL-terminated string in `memory`,
 *                        or 0 when Snowball fails (the caller keeps the word unstemmed).
 * `stem` is libstemmer's sb_stemmer_stem (libstemmer/libstemmer_c.in) for this one algorithm,
 * so that the browser stems exactly as the build's libstemmer does. ALGORITHM is defined on the
 * command line (`-DALGORITHM=english`); the runtime's malloc, free, … come from allocator.c. */
#include <stdlib.h>
#include "header.h"

#define PASTE(a, b) a##b
#define NAMED(algorithm, suffix) PASTE(algorithm, suffix)
extern struct SN_env *NAMED(ALGORITHM, _UTF_8_create_env)(void);
extern int NAMED(ALGORITHM, _UTF_8_stem)(struct SN_env *z);

static struct SN_env *environment;
static unsigned char *input;
static int capacity;

__attribute__((export_name("alloc"))) unsigned char *alloc(int size) {
    if (size > capacity) {
        free(input);
        input = malloc((size_t)size);
        capacity = input ? size : 0;
    }
    return input;
}

__attribute__((export_name("stem"))) const unsigned char *stem(const unsigned char *word, int size) {
    if (!environment) environment = NAMED(ALGORITHM, _UTF_8_create_env)();
    if (!environment) return 0;
    if (SN_set_current(environment, size, word)) {
        environment->l = 0;
        return 0;
    }
    if (NAMED(ALGORITHM, _UTF_8_stem)(environment) < 0) return 0;
    environment->p[environment->l] = 0;
    return environment->p;
}
