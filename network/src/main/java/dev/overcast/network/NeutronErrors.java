package dev.overcast.network;

import dev.overcast.core.http.ApiException;

/**
 * Neutron's named errors, with its status codes and messages; the name becomes the
 * {@code type} of the fault body, which clients such as openstacksdk and Tempest read.
 */
public final class NeutronErrors {
    private NeutronErrors() {
    }

    /** 404 {@code <Kind>NotFound}: "Network 42 could not be found." */
    public static ApiException notFound(String kind, String id) {
        return new ApiException(404, kind + " " + id + " could not be found.", kind.replace(" ", "") + "NotFound");
    }

    /** 400 {@code InvalidInput} with Neutron's prefix "Invalid input for operation: ...". */
    public static ApiException invalidInput(String why) {
        return new ApiException(400, "Invalid input for operation: " + why + ".", "InvalidInput");
    }

    /** An error of any status with Neutron's type name and exact message. */
    public static ApiException of(int status, String type, String message) {
        return new ApiException(status, message, type);
    }

    /** 409 {@code <type>}: the request conflicts with the current state. */
    public static ApiException conflict(String type, String message) {
        return new ApiException(409, message, type);
    }
}
