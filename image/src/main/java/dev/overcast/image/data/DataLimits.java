package dev.overcast.image.data;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.image.ImageContext;
import dev.overcast.image.images.ImageRow;

/**
 * How many bytes one upload may bring: the smaller of Glance's {@code image_size_cap} and
 * what is left of the owner's {@code image_size_total}. A declared Content-Length over the
 * limit is refused before a byte is read; a chunked body is cut off where it crosses it.
 */
final class DataLimits {

    /** The byte limit and whether it is the project quota (rather than the size cap) that sets it. */
    record Limit(long bytes, boolean quota) {
        ApiException exceeded(long received) {
            if (quota) {
                return ApiException.tooLarge("Image exceeds the storage quota: The size of the data " + received
                        + " will exceed the limit. " + bytes + " bytes remaining.");
            }
            return ApiException.tooLarge("The incoming image is too large: The provided image is too large.");
        }
    }

    private final ImageContext ctx;

    DataLimits(ImageContext ctx) {
        this.ctx = ctx;
    }

    Limit forUpload(Request req, ImageRow image) {
        long cap = ctx.settings().imageSizeCap();
        Limit limit = new Limit(cap, false);
        long total = ctx.settings().imageSizeTotal();
        if (total >= 0 && image.owner() != null) {
            long used = ctx.jdbi().withExtension(DataStore.class, s -> s.bytesOwnedBy(image.owner(), image.id()));
            long remaining = Math.max(0, total - used);
            if (remaining < cap) {
                limit = new Limit(remaining, true);
            }
        }
        long declared = req.header("Content-Length").map(DataLimits::length).orElse(-1L);
        if (declared > limit.bytes()) {
            throw limit.exceeded(declared);
        }
        return limit;
    }

    /** Why a write failed, as the client should hear it. */
    static RuntimeException translate(Throwable failure, Limit limit) {
        if (failure instanceof LimitExceeded e) {
            return limit.exceeded(e.received());
        }
        if (failure instanceof ApiException e) {
            return e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        Throwable cause = failure instanceof UncheckedIOException u ? u.getCause() : failure;
        if (cause instanceof IOException io && io.getMessage() != null && io.getMessage().contains("No space left")) {
            return ApiException.tooLarge("Image storage media is full: there is not enough space left to store the image.");
        }
        // Whatever else stopped the copy (most often the client going away), the body was not
        // all read; nobody learns more than that.
        return ApiException.badRequest("The image data could not be read to its end; the upload was cut off.");
    }

    private static long length(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Content-Length " + header + " is not a number.");
        }
    }
}
