package dev.drivenotes.platform.web;

/** A resource that does not exist; answered with 404 problem details. */
public final class NotFoundException extends RuntimeException {
    private final String what;
    private final String id;

    public NotFoundException(String what, String id) {
        super("no " + what + " with id '" + id + "'");
        this.what = what;
        this.id = id;
    }

    public String what() {
        return what;
    }

    public String id() {
        return id;
    }
}
