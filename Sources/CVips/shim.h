// libvips, as Debian ships it (libvips-dev). Its operations take variable argument lists, which
// Swift cannot call: each call spinesite makes is a fixed-argument function here.
//
// libvips is loaded when the first raster picture is (`spinesite_vips_start`), not linked: linked,
// it and the hundred libraries it needs were loaded by every run, pictures or not, and took 21 MB
// of resident memory and 20 ms before `main` (a C program linked with `pkg-config --libs vips`
// against one linked with nothing). Its header still declares every function, and each is found
// by its declared name, so a call through the table below is checked against its declaration.
#include <dlfcn.h>
#include <vips/vips.h>

/// Every libvips and GLib function spinesite calls, found in the loaded library.
typedef struct {
    __typeof__(vips_version) *version;
    __typeof__(vips_init) *init;
    __typeof__(vips_cache_set_max) *cache_set_max;
    __typeof__(vips_concurrency_set) *concurrency_set;
    __typeof__(vips_image_new_from_buffer) *image_new_from_buffer;
    __typeof__(vips_foreign_find_load_buffer) *foreign_find_load_buffer;
    __typeof__(vips_thumbnail_buffer) *thumbnail_buffer;
    __typeof__(vips_thumbnail_image) *thumbnail_image;
    __typeof__(vips_image_copy_memory) *image_copy_memory;
    __typeof__(vips_image_get_fields) *image_get_fields;
    __typeof__(vips_image_remove) *image_remove;
    __typeof__(vips_webpsave_buffer) *webpsave_buffer;
    __typeof__(vips_jpegsave_buffer) *jpegsave_buffer;
    __typeof__(vips_pngsave_buffer) *pngsave_buffer;
    __typeof__(vips_image_get_width) *image_get_width;
    __typeof__(vips_image_get_height) *image_get_height;
    __typeof__(vips_error_buffer) *error_buffer;
    __typeof__(vips_error_clear) *error_clear;
    __typeof__(g_object_unref) *object_unref;
    __typeof__(g_strfreev) *strfreev;
    __typeof__(g_free) *free_memory;
} spinesite_vips_functions;

/// The table, filled once by `spinesite_vips_start`. A static inside a function, because Swift's
/// importer emits the functions of a header but not its variables; the functions are `static`, so
/// every Swift file calling them would have its own: only `Vips.swift` does.
static inline spinesite_vips_functions *spinesite_vips(void) {
    static spinesite_vips_functions functions;
    return &functions;
}

#define SPINESITE_VIPS_FIND(handle, field, name)                                    \
    spinesite_vips()->field = (__typeof__(spinesite_vips()->field))dlsym(handle, name); \
    if (!spinesite_vips()->field) return "libvips has no " name

/// Loads libvips and starts it: NULL, or why it could not be. Called once per process.
static inline const char *spinesite_vips_start(void) {
    void *handle = dlopen("libvips.so.42", RTLD_NOW | RTLD_LOCAL);
    if (!handle) handle = dlopen("libvips.so", RTLD_NOW | RTLD_LOCAL);
    if (!handle) return dlerror();
    SPINESITE_VIPS_FIND(handle, version, "vips_version");
    SPINESITE_VIPS_FIND(handle, init, "vips_init");
    SPINESITE_VIPS_FIND(handle, cache_set_max, "vips_cache_set_max");
    SPINESITE_VIPS_FIND(handle, concurrency_set, "vips_concurrency_set");
    SPINESITE_VIPS_FIND(handle, image_new_from_buffer, "vips_image_new_from_buffer");
    SPINESITE_VIPS_FIND(handle, foreign_find_load_buffer, "vips_foreign_find_load_buffer");
    SPINESITE_VIPS_FIND(handle, thumbnail_buffer, "vips_thumbnail_buffer");
    SPINESITE_VIPS_FIND(handle, thumbnail_image, "vips_thumbnail_image");
    SPINESITE_VIPS_FIND(handle, image_copy_memory, "vips_image_copy_memory");
    SPINESITE_VIPS_FIND(handle, image_get_fields, "vips_image_get_fields");
    SPINESITE_VIPS_FIND(handle, image_remove, "vips_image_remove");
    SPINESITE_VIPS_FIND(handle, webpsave_buffer, "vips_webpsave_buffer");
    SPINESITE_VIPS_FIND(handle, jpegsave_buffer, "vips_jpegsave_buffer");
    SPINESITE_VIPS_FIND(handle, pngsave_buffer, "vips_pngsave_buffer");
    SPINESITE_VIPS_FIND(handle, image_get_width, "vips_image_get_width");
    SPINESITE_VIPS_FIND(handle, image_get_height, "vips_image_get_height");
    SPINESITE_VIPS_FIND(handle, error_buffer, "vips_error_buffer");
    SPINESITE_VIPS_FIND(handle, error_clear, "vips_error_clear");
    SPINESITE_VIPS_FIND(handle, object_unref, "g_object_unref");
    SPINESITE_VIPS_FIND(handle, strfreev, "g_strfreev");
    SPINESITE_VIPS_FIND(handle, free_memory, "g_free");
    spinesite_vips_functions *vips = spinesite_vips();
    // VIPS_INIT's check: the library's ABI is the one the header describes.
    if (vips->version(3) - vips->version(5) != VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE) {
        return "libvips's ABI is not the one of the libvips-dev headers spinesite was built with";
    }
    if (vips->init("spinesite")) return "vips_init failed";
    // The build runs its own pictures in parallel; libvips's operation cache only holds memory.
    vips->cache_set_max(0);
    vips->concurrency_set(1);
    return NULL;
}

#undef SPINESITE_VIPS_FIND

/// The picture's header only (no pixel decoded): format, width and height.
static inline VipsImage *spinesite_vips_header(const void *bytes, size_t length) {
    return spinesite_vips()->image_new_from_buffer(bytes, length, "", NULL);
}

/// The loader's name (`jpegload_buffer`, `pngload_buffer`, …), or NULL for bytes that are no picture.
static inline const char *spinesite_vips_loader(const void *bytes, size_t length) {
    return spinesite_vips()->foreign_find_load_buffer(bytes, length);
}

/// Decoded and shrunk to at most `width` pixels wide (never enlarged), in sRGB, failing on a
/// truncated or damaged file instead of showing grey.
static inline int spinesite_vips_thumbnail(const void *bytes, size_t length, int width, VipsImage **out) {
    return spinesite_vips()->thumbnail_buffer((void *)bytes, length, out, width, "height", 10000000, "size",
        VIPS_SIZE_DOWN, "export_profile", "srgb", "option_string", "fail_on=truncated", NULL);
}

/// `image`'s pixels computed once into memory: the variants then read them as often as they need
/// (a thumbnail streams from its source, which allows one pass only).
/// Every piece of metadata is dropped here (EXIF with camera and GPS data, XMP, IPTC, ICC, comments):
/// libvips 8.14's savers keep EXIF in WebP even when asked to strip, so nothing is left to keep.
static inline VipsImage *spinesite_vips_in_memory(VipsImage *image) {
    spinesite_vips_functions *vips = spinesite_vips();
    VipsImage *memory = vips->image_copy_memory(image);
    if (!memory) return NULL;
    gchar **fields = vips->image_get_fields(memory);
    for (int i = 0; fields[i]; i++) {
        // Core properties (width, bands, …) are not metadata and cannot be removed; the rest goes.
        (void)vips->image_remove(memory, fields[i]);
    }
    vips->strfreev(fields);
    return memory;
}

/// `image` shrunk to at most `width` pixels wide.
static inline int spinesite_vips_shrink(VipsImage *image, int width, VipsImage **out) {
    return spinesite_vips()->thumbnail_image(image, out, width, "height", 10000000, "size", VIPS_SIZE_DOWN, NULL);
}

/// Encoders with every piece of metadata stripped (EXIF, GPS, XMP, ICC: the pixels are sRGB).
static inline int spinesite_vips_webp(VipsImage *image, void **bytes, size_t *length) {
    return spinesite_vips()->webpsave_buffer(image, bytes, length, "Q", 80, "effort", 2, "strip", TRUE, NULL);
}

static inline int spinesite_vips_jpeg(VipsImage *image, void **bytes, size_t *length) {
    return spinesite_vips()->jpegsave_buffer(image, bytes, length, "Q", 82, "interlace", TRUE, "strip", TRUE, NULL);
}

static inline int spinesite_vips_png(VipsImage *image, void **bytes, size_t *length) {
    return spinesite_vips()->pngsave_buffer(image, bytes, length, "compression", 6, "strip", TRUE, NULL);
}

static inline int spinesite_vips_width(VipsImage *image) { return spinesite_vips()->image_get_width(image); }
static inline int spinesite_vips_height(VipsImage *image) { return spinesite_vips()->image_get_height(image); }
static inline void spinesite_vips_release(VipsImage *image) { spinesite_vips()->object_unref(image); }
static inline void spinesite_vips_free(void *bytes) { spinesite_vips()->free_memory(bytes); }

/// libvips's message for the last failure (`vips_error_buffer`), then cleared.
static inline const char *spinesite_vips_last_error(void) { return spinesite_vips()->error_buffer(); }
static inline void spinesite_vips_clear_error(void) { spinesite_vips()->error_clear(); }
