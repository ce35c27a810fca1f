/* The little of the C library Snowball's runtime needs, for a module without one: a heap of
 * power-of-two blocks with a free list per size (a stemmer holds a handful of small buffers, so
 * simple beats clever), and the memory functions as WebAssembly's bulk-memory instructions. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define PAGE 65536
#define HEADER 8   /* a block's size class, kept in front of it; 8 keeps blocks 8-byte aligned */
#define CLASSES 32

extern unsigned char __heap_base;
static unsigned char *next;          /* the start of the heap not yet handed out */
static void *freed[CLASSES];         /* per size class, a list threaded through the blocks */

static int size_class(size_t size) {
    int class = 4;                   /* 16 bytes, header included */
    while (((size_t)1 << class) < size + HEADER) {
        if (++class >= CLASSES) return -1;
    }
    return class;
}

void *malloc(size_t size) {
    int class = size_class(size);
    if (class < 0) return NULL;
    if (freed[class]) {
        void *block = freed[class];
        freed[class] = *(void **)block;
        return block;
    }
    if (!next) next = &__heap_base;
    size_t bytes = (size_t)1 << class;
    size_t end = (size_t)next + bytes;
    size_t have = __builtin_wasm_memory_size(0) * PAGE;
    if (end > have && __builtin_wasm_memory_grow(0, (end - have + PAGE - 1) / PAGE) == (size_t)-1) return NULL;
    unsigned char *block = next + HEADER;
    *(int *)next = class;
    next += bytes;
    return block;
}

void free(void *block) {
    if (!block) return;
    int class = *(int *)((unsigned char *)block - HEADER);
    *(void **)block = freed[class];
    freed[class] = block;
}

void *calloc(size_t count, size_t size) {
    if (size && count > (size_t)-1 / size) return NULL;
    void *block = malloc(count * size);
    if (block) memset(block, 0, count * size);
    return block;
}

void *realloc(void *block, size_t size) {
    if (!block) return malloc(size);
    size_t usable = ((size_t)1 << *(int *)((unsigned char *)block - HEADER)) - HEADER;
    if (size <= usable) return block;
    void *moved = malloc(size);
    if (!moved) return NULL;
    memcpy(moved, block, usable);
    free(block);
    return moved;
}

void *memcpy(void *to, const void *from, size_t count) {
    __builtin_memmove(to, from, count);
    return to;
}

void *memmove(void *to, const void *from, size_t count) {
    __builtin_memmove(to, from, count);
    return to;
}

void *memset(void *to, int byte, size_t count) {
    __builtin_memset(to, byte, count);
    return to;
}

int memcmp(const void *a, const void *b, size_t count) {
    const unsigned char *x = a, *y = b;
    for (size_t i = 0; i < count; i++) {
        if (x[i] != y[i]) return x[i] - y[i];
    }
    return 0;
}
