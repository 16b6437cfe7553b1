package dev.drivenotes.carla.map.opendrive;

/** {@link XmlCursor} over the byte-level {@link XmlScanner}. */
final class ScannerCursor implements XmlCursor {

    private final XmlScanner scanner;

    ScannerCursor(byte[] xml) {
        this.scanner = new XmlScanner(xml);
    }

    @Override
    public boolean root() {
        while (true) {
            int event = scanner.next();
            if (event == XmlScanner.START) {
                return true;
            }
            if (event == XmlScanner.EOF) {
                return false;
            }
        }
    }

    @Override
    public boolean nextChild() {
        while (true) {
            int event = scanner.next();
            if (event == XmlScanner.START) {
                return true;
            }
            if (event == XmlScanner.END || event == XmlScanner.EOF) {
                return false;
            }
        }
    }

    @Override
    public String name() {
        return scanner.name();
    }

    @Override
    public String attribute(String name) {
        return scanner.attribute(name);
    }

    @Override
    public void skip() {
        for (int depth = 1; depth > 0; ) {
            int event = scanner.next();
            if (event == XmlScanner.START) {
                depth++;
            } else if (event == XmlScanner.END) {
                depth--;
            }
        }
    }

    @Override
    public String text() {
        StringBuilder text = new StringBuilder();
        for (int depth = 1; depth > 0; ) {
            int event = scanner.next();
            if (event == XmlScanner.START) {
                depth++;
            } else if (event == XmlScanner.END) {
                depth--;
            } else if (event == XmlScanner.TEXT) {
                text.append(scanner.text());
            }
        }
        return text.toString();
    }

    @Override
    public void finish() {
        while (scanner.next() != XmlScanner.EOF) {
            // the scanner rejects anything but comments and processing instructions after the root
        }
    }

    @Override
    public int line() {
        return scanner.line();
    }
}
