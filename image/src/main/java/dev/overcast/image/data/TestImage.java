package dev.overcast.image.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.overcast.core.json.Json;
import dev.overcast.image.ImageContext;
import dev.overcast.image.images.ImageLifecycle.Event;
import dev.overcast.image.images.ImageRow;
import dev.overcast.image.images.ImageStore;

/**
 * Overcast's own test image, generated here so that nothing is downloaded: a raw disk of
 * {@value #SIZE} bytes whose first sector is an x86 boot sector that prints
 * {@value #MESSAGE} on the screen (BIOS teletype) and on COM1 (so a console log shows it),
 * then halts. Enough to prove that a server boots from an image under QEMU; it is not
 * CirrOS and has no operating system, network or cloud-init.
 */
final class TestImage {
    static final String NAME = "overcast-test-image";
    static final String MESSAGE = "Overcast test image: booted. This is not CirrOS; halting.";
    static final int SIZE = 8 * 1024;
    static final String DESCRIPTION = "A tiny test image built by Overcast (not CirrOS): a raw disk whose boot sector "
            + "prints a message on the console and halts. For checking that servers boot; it has no operating system.";

    /**
     * The boot sector's code, loaded by the BIOS at 0000:7C00, in 16-bit real mode. Offsets
     * in the comments; jumps are relative to the next instruction.
     */
    private static final int[] CODE = {
            0xFA,             // 00 cli
            0x31, 0xC0,       // 01 xor ax, ax
            0x8E, 0xD8,       // 03 mov ds, ax
            0x8E, 0xC0,       // 05 mov es, ax
            0x8E, 0xD0,       // 07 mov ss, ax
            0xBC, 0x00, 0x7C, // 09 mov sp, 0x7C00
            0xFB,             // 0C sti
            0xFC,             // 0D cld
            0xBE, 0x27, 0x7C, // 0E mov si, 0x7C27 (the message)
            0xAC,             // 11 next: lodsb
            0x08, 0xC0,       // 12 or al, al
            0x74, 0x0D,       // 14 jz halt (0x23)
            0xBA, 0xF8, 0x03, // 16 mov dx, 0x3F8 (COM1)
            0xEE,             // 19 out dx, al
            0xB4, 0x0E,       // 1A mov ah, 0x0E (teletype output)
            0xBB, 0x07, 0x00, // 1C mov bx, 0x0007 (page 0, grey)
            0xCD, 0x10,       // 1F int 0x10
            0xEB, 0xEE,       // 21 jmp next (0x11)
            0xFA,             // 23 halt: cli
            0xF4,             // 24 hlt
            0xEB, 0xFD,       // 25 jmp 0x24
    };                        // 27 the message, NUL-terminated

    private TestImage() {
    }

    /** The disk: boot sector, message, the 0x55AA signature, zeros to {@value #SIZE} bytes. */
    static byte[] disk() {
        byte[] disk = new byte[SIZE];
        for (int i = 0; i < CODE.length; i++) {
            disk[i] = (byte) CODE[i];
        }
        byte[] message = (MESSAGE + "\r\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(message, 0, disk, CODE.length, message.length);
        disk[510] = 0x55;
        disk[511] = (byte) 0xAA;
        return disk;
    }

    /**
     * Registers the image, public and active, unless an image of that name exists; returns
     * whether it did.
     */
    static boolean register(ImageContext ctx, FileStore store, DataRows rows, String owner) {
        if (ctx.jdbi().withExtension(DataStore.class, s -> s.countNamed(NAME)) > 0) {
            return false;
        }
        Instant now = ctx.clock().instant();
        String id = UUID.randomUUID().toString();
        var properties = Json.object().put("overcast_test_image", "true").put("description", DESCRIPTION)
                .put("hw_firmware_type", "bios").put("os_distro", "none");
        ImageRow queued = new ImageRow(id, NAME, "queued", "public", false, false, owner, null, null, null, null, null,
                0, 0, "bare", "raw", Json.write(properties), now, now);
        ctx.jdbi().useExtension(ImageStore.class, s -> s.insert(queued));
        ImageRow saving = rows.apply(queued, Event.UPLOAD_STARTED);
        try {
            Written written = store.write(id, new ByteArrayInputStream(disk()), SIZE);
            rows.complete(id, saving.status(), written, Event.UPLOAD_FINISHED);
        } catch (IOException e) {
            rows.fail(id, saving.status(), Event.UPLOAD_FAILED);
            throw new UncheckedIOException("cannot write the test image", e);
        }
        return true;
    }
}
