// libvips, as Debian ships it (libvips-dev). Its operations take variable argument lists, which
// Swift cannot call: each call spinesite makes is a fixed-argument function here.
#include <vips/vips.h>

static inline int spinesite_vips_start(void) {
    if (VIPS_INIT("spinesite")) return -1;
    // The build runs its own pictures in parallel; libvips's operation cache only holds memory.
    vips_cache_set_max(0);
    vips_concurrency_set(1);
    return 0;
}

/// The picture's header only (no pixel decoded): format, width and height.
static inline VipsImage *spinesite_vips_header(const void *bytes, size_t length) {
    return vips_image_new_from_buffer(bytes, length, "", NULL);
}

/// The loader's name (`jpegload_buffer`, `pngload_buffer`, …), or NULL for bytes that are no picture.
static inline const char *spinesite_vips_loader(const void *bytes, size_t length) {
    return vips_foreign_find_load_buffer(bytes, length);
}

/// Decoded and shrunk to at most `width` pixels wide (never enlarged), in sRGB, failing on a
/// truncated or damaged file instead of showing grey.
static inline int spinesite_vips_thumbnail(const void *bytes, size_t length, int width, VipsImage **out) {
    return vips_thumbnail_buffer((void *)bytes, length, out, width, "height", 10000000, "size", VIPS_SIZE_DOWN,
        "export_profile", "srgb", "option_string", "fail_on=truncated", NULL);
}

/// `image`'s pixels computed once into memory: the variants then read them as often as they need
/// (a thumbnail streams from its source, which allows one pass only).
/// Every piece of metadata is dropped here (EXIF with camera and GPS data, XMP, IPTC, ICC, comments):
/// libvips 8.14's savers keep EXIF in WebP even when asked to strip, so nothing is left to keep.
static inline VipsImage *spinesite_vips_in_memory(VipsImage *image) {
    VipsImage *memory = vips_image_copy_memory(image);
    if (!memory) return NULL;
    gchar **fields = vips_image_get_fields(memory);
    for (int i = 0; fields[i]; i++) {
        // Core properties (width, bands, …) are not metadata and cannot be removed; the rest goes.
        (void)vips_image_remove(memory, fields[i]);
    }
    g_strfreev(fields);
    return memory;
}

/// `image` shrunk to at most `width` pixels wide.
static inline int spinesite_vips_shrink(VipsImage *image, int width, VipsImage **out) {
    return vips_thumbnail_image(image, out, width, "height", 10000000, "size", VIPS_SIZE_DOWN, NULL);
}

/// Encoders with every piece of metadata stripped (EXIF, GPS, XMP, ICC: the pixels are sRGB).
static inline int spinesite_vips_webp(VipsImage *image, void **bytes, size_t *length) {
    return vips_webpsave_buffer(image, bytes, length, "Q", 80, "effort", 2, "strip", TRUE, NULL);
}

static inline int spinesite_vips_jpeg(VipsImage *image, void **bytes, size_t *length) {
    return vips_jpegsave_buffer(image, bytes, length, "Q", 82, "interlace", TRUE, "strip", TRUE, NULL);
}

static inline int spinesite_vips_png(VipsImage *image, void **bytes, size_t *length) {
    return vips_pngsave_buffer(image, bytes, length, "compression", 6, "strip", TRUE, NULL);
}

static inline int spinesite_vips_width(VipsImage *image) { return vips_image_get_width(image); }
static inline int spinesite_vips_height(VipsImage *image) { return vips_image_get_height(image); }
static inline void spinesite_vips_release(VipsImage *image) { g_object_unref(image); }
static inline void spinesite_vips_free(void *bytes) { g_free(bytes); }
