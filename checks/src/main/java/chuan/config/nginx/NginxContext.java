package chuan.config.nginx;

/**
 * Where a directive stands, as nginx tells its contexts apart: the module type whose directives are read
 * there and the context flag they must carry (ngx_http_config.h and friends). {@code CUSTOM} is the inside
 * of a block whose contents are not directives ({@code types}, {@code map}, {@code geo}, ...);
 * {@code UNKNOWN} the inside of a block chuan cannot identify (a third-party module's), not judged.
 */
enum NginxContext {
    MAIN("core", 0x01000000),
    EVENTS("event", 0x02000000),
    HTTP("http", 0x02000000),
    HTTP_SERVER("http", 0x04000000),
    HTTP_LOCATION("http", 0x08000000),
    HTTP_UPSTREAM("http", 0x10000000),
    HTTP_SERVER_IF("http", 0x20000000),
    HTTP_LOCATION_IF("http", 0x40000000),
    HTTP_LIMIT_EXCEPT("http", 0x80000000),
    MAIL("mail", 0x02000000),
    MAIL_SERVER("mail", 0x04000000),
    STREAM("stream", 0x02000000),
    STREAM_SERVER("stream", 0x04000000),
    STREAM_UPSTREAM("stream", 0x08000000),
    CUSTOM("", 0),
    UNKNOWN("", 0);

    private final String module;
    private final int flag;

    NginxContext(String module, int flag) {
        this.module = module;
        this.flag = flag;
    }

    /** The module type read here: {@code http}, {@code stream}, ... ({@code core} in the main context). */
    String module() {
        return module;
    }

    /** Whether a directive of module type {@code type} with context flags {@code flags} is allowed here. */
    boolean accepts(String type, int flags) {
        return (type.equals(module) || type.equals("conf")) && (flags & flag) != 0;
    }

    /** The context a block opened here by {@code name} reads its contents in. */
    NginxContext open(String name) {
        return switch (this) {
            case MAIN -> switch (name) {
                case "events" -> EVENTS;
                case "http" -> HTTP;
                case "mail" -> MAIL;
                case "stream" -> STREAM;
                default -> UNKNOWN;
            };
            case HTTP -> name.equals("server") ? HTTP_SERVER : name.equals("upstream") ? HTTP_UPSTREAM : UNKNOWN;
            case HTTP_SERVER -> name.equals("location") ? HTTP_LOCATION : name.equals("if") ? HTTP_SERVER_IF : UNKNOWN;
            case HTTP_LOCATION -> switch (name) {
                case "location" -> HTTP_LOCATION;
                case "if" -> HTTP_LOCATION_IF;
                case "limit_except" -> HTTP_LIMIT_EXCEPT;
                default -> UNKNOWN;
            };
            case MAIL -> name.equals("server") ? MAIL_SERVER : UNKNOWN;
            case STREAM -> name.equals("server") ? STREAM_SERVER : name.equals("upstream") ? STREAM_UPSTREAM : UNKNOWN;
            default -> UNKNOWN;
        };
    }

    /** The block whose values a server inherits: {@code http}, {@code stream} or {@code mail}. */
    boolean isModuleMain() {
        return this == HTTP || this == STREAM || this == MAIL;
    }
}
