/* What Snowball's runtime uses of <stdlib.h>; allocator.c defines them. */
#include <stddef.h>
void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *block, size_t size);
void free(void *block);
