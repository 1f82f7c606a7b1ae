package io.wcsettle.gateway;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.catalogue.CatalogueCsv;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.policy.RegionalPolicy;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.settlement.Institution;
import io.wcsettle.core.upload.UploadDeadlines;
import io.wcsettle.his.outbox.Outbox;
import io.wcsettle.his.platform.Backoff;
import io.wcsettle.his.platform.EnvelopeCodec;
import io.wcsettle.his.platform.PlatformClient;
import io.wcsettle.his.platform.RequestHeader;
import io.wcsettle.his.platform.Sm2Keys;
import io.wcsettle.his.platform.Sm2Signer;
import io.wcsettle.his.platform.Sm2Verifier;
import io.wcsettle.his.session.HisSession;
import io.wcsettle.his.session.InsuredPlaces;
import io.wcsettle.his.session.SignIn;

/**
 * The gateway's configuration file: Java properties ({@code key=value}) or a JSON object (nested
 * objects are read as dotted keys: {@code {"platform": {"url": …}}} is {@code platform.url}).
 * Relative paths are relative to the file's directory. Every problem — a missing setting, a file
 * that is not there, a value that does not parse, a key the gateway does not know (a typo) — is a
 * {@link GatewayException} {@code CONFIG_INVALID} whose field is the setting's key.
 *
 * <pre>
 * platform.url=http://127.0.0.1:8080/
 * keys.hisPrivateKey=keys/his-private.pem
 * keys.platformPublicKey=keys/platform-public.pem
 * institution.code=H43010200001
 * institution.name=长沙某医院
 * institution.admdvs=430102
 * header.recerSysCode=SICP
 * header.opter=0001
 * header.opterName=收费员甲
 * outbox.file=data/outbox
 * catalogue.csv=catalogue.csv
 * insured.150000.policy=150000
 * token.file=gateway.token
 * gateway.port=8765
 * </pre>
 *
 * <p>Settings: see {@link #SETTINGS}.
 */
public final class GatewayConfig {

    /** Every setting the file may hold, with what it is ({@code insured.<province>.*} repeat per insured province). */
    public static final Map<String, String> SETTINGS = settings();

    private static Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("platform.url", "the platform's endpoint URL (required)");
        m.put("platform.attemptTimeout", "one HTTP exchange, ISO-8601 duration (default PT10S)");
        m.put("platform.callTimeout", "all attempts of one call with backoff (default PT60S)");
        m.put("keys.hisPrivateKey", "the institution's SM2 private key, PEM (required)");
        m.put("keys.platformPublicKey", "the platform's SM2 public key, PEM (required)");
        m.put("institution.code", "fixmedins_code, 12 characters (required)");
        m.put("institution.name", "fixmedins_name (required)");
        m.put("institution.admdvs", "the treatment place, mdtrtarea_admvs, six digits (required)");
        m.put("institution.crossProvince", "whether the hospital is enabled for cross-province settlement (default true)");
        m.put("institution.suspended", "whether its agreement is suspended (default false)");
        m.put("header.recerSysCode", "recer_sys_code, given by the platform operator (required)");
        m.put("header.opter", "opter, operator or terminal id (required)");
        m.put("header.opterName", "opter_name (required)");
        m.put("header.opterType", "opter_type 1, 2 or 3 (default 1)");
        m.put("header.infver", "infver (default V1.0)");
        m.put("header.devNo", "dev_no (default empty)");
        m.put("signIn.operatorNo", "9001 opter_no; with signIn.mac and signIn.ip, or none of them (no sign-in)");
        m.put("signIn.mac", "9001 mac");
        m.put("signIn.ip", "9001 ip");
        m.put("outbox.file", "the durable outbox, an H2 file path without .mv.db (required)");
        m.put("catalogue.csv", "the treatment place's catalogue, code,from,until,limit (required)");
        m.put("treatment.policy", "the policy id for the upload deadlines (default: the treatment province's, else default)");
        m.put("insured.<province>.policy", "the policy id of an insured province served (110000, 150000, default); at least one");
        m.put("insured.<province>.devices", "that province's device catalogue CSV (default: empty)");
        m.put("token.file", "where the local access token is kept, made at first start (default gateway.token)");
        m.put("gateway.bind", "the address to listen on (default 127.0.0.1)");
        m.put("gateway.port", "the TCP port, 0 for any free one (default 8765)");
        m.put("gateway.maxBodyBytes", "the largest request body (default 1048576)");
        m.put("card.reader", "a PC/SC reader name for /card/read, * for the first reader (default: none)");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static final Set<String> FIXED = SETTINGS.keySet();

    private final Map<String, String> values;
    private final Path dir;

    private GatewayConfig(Map<String, String> values, Path dir) {
        this.values = values;
        this.dir = dir;
        for (String k : values.keySet()) {
            if (!FIXED.contains(k) && !k.matches("insured\\.[0-9]{6}\\.(policy|devices)")) {
                throw invalid(k, "not a setting the gateway knows (a typo?)");
            }
        }
    }

    /**
     * Reads {@code file}: JSON when it starts with <code>{</code>, else properties (UTF-8).
     *
     * @throws GatewayException {@code CONFIG_INVALID} naming {@code config} when it cannot be read
     */
    public static GatewayConfig load(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new GatewayException(GatewayErrorCode.CONFIG_INVALID, "config", "no such file: " + file, e);
        } catch (CharacterCodingException e) {
            throw new GatewayException(GatewayErrorCode.CONFIG_INVALID, "config", "not UTF-8 text: " + file, e);
        } catch (IOException e) {
            throw new GatewayException(GatewayErrorCode.CONFIG_INVALID, "config", "cannot read " + file
                    + " (" + e.getClass().getSimpleName() + ")", e);
        }
        Path dir = file.toAbsolutePath().getParent();
        return text.stripLeading().startsWith("{") ? ofJson(text, dir) : ofProperties(text, dir);
    }

    /** The settings of properties {@code text}, paths relative to {@code dir}. */
    public static GatewayConfig ofProperties(String text, Path dir) {
        Properties p = new Properties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new GatewayException(GatewayErrorCode.CONFIG_INVALID, "config", "not a properties file", e);
        }
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k.strip(), p.getProperty(k).strip()));
        return new GatewayConfig(m, dir);
    }

    /** The settings of JSON object {@code text}, paths relative to {@code dir}. */
    public static GatewayConfig ofJson(String text, Path dir) {
        JsonNode root;
        try {
            root = Responses.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new GatewayException(GatewayErrorCode.CONFIG_INVALID, "config", "not JSON (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new GatewayException(GatewayErrorCode.CONFIG_INVALID, "config", "not a JSON object");
        }
        Map<String, String> m = new TreeMap<>();
        flatten("", root, m);
        return new GatewayConfig(m, dir);
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(key, v, out);
            } else if (v.isValueNode() && !v.isNull()) {
                out.put(key, v.asText());
            } else {
                throw invalid(key, "must be a string, number, boolean or object");
            }
        }
    }

    private static GatewayException invalid(String key, String why) {
        return new GatewayException(GatewayErrorCode.CONFIG_INVALID, key, why);
    }

    private String required(String key) {
        return optional(key).orElseThrow(() -> invalid(key, "required: " + SETTINGS.get(key)));
    }

    private Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    private Path path(String key) {
        return dir.resolve(required(key));
    }

    private Path existing(String key) {
        Path p = path(key);
        if (!Files.isRegularFile(p)) {
            throw invalid(key, "no such file: " + p);
        }
        return p;
    }

    private <T> T parsed(String key, String text, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (GatewayException e) {
            throw e;
        } catch (WcsettleException e) {
            throw new GatewayException(GatewayErrorCode.CONFIG_INVALID, key, e.code() + ": "
                    + e.getMessage().substring(e.getMessage().indexOf(':') + 1).strip(), e);
        } catch (RuntimeException e) {
            throw new GatewayException(GatewayErrorCode.CONFIG_INVALID, key, "not a usable value", e);
        }
    }

    private boolean bool(String key, boolean fallback) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return fallback;
        }
        return switch (v.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, "true or false");
        };
    }

    private int integer(String key, int fallback, int min, int max) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) {
                throw invalid(key, min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid(key, "an integer " + min + ".." + max);
        }
    }

    private Duration duration(String key, Duration fallback) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            Duration d = Duration.parse(v.get());
            if (d.isNegative() || d.isZero()) {
                throw invalid(key, "a positive ISO-8601 duration such as PT10S");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw invalid(key, "an ISO-8601 duration such as PT10S");
        }
    }

    /**
     * A copy with {@code key} set to {@code value} (a command line's override of the file).
     *
     * @throws GatewayException {@code CONFIG_INVALID} when {@code key} is not a setting
     */
    public GatewayConfig with(String key, String value) {
        Map<String, String> m = new TreeMap<>(values);
        m.put(key, value);
        return new GatewayConfig(m, dir);
    }

    /** The port to listen on. */
    public int port() {
        return integer("gateway.port", 8765, 0, 65535);
    }

    /** The address to listen on. */
    public InetAddress bind() {
        String b = optional("gateway.bind").orElse("127.0.0.1");
        try {
            return InetAddress.getByName(b);
        } catch (UnknownHostException e) {
            throw invalid("gateway.bind", "not an address of this machine");
        }
    }

    /** The token file. */
    public Path tokenFile() {
        return dir.resolve(optional("token.file").orElse("gateway.token"));
    }

    /** The outbox file. */
    public Path outboxFile() {
        return path("outbox.file");
    }

    /**
     * Everything the gateway runs on, checked and opened: keys, header, catalogues, policies, the
     * outbox (its file is opened — and locked — here), the session, the token.
     */
    public Opened open(Clock clock, SecureRandom random) {
        URI url;
        try {
            url = new URI(required("platform.url"));
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw invalid("platform.url", "an http or https URL");
            }
        } catch (URISyntaxException e) {
            throw invalid("platform.url", "not a URL");
        }
        Duration attempt = duration("platform.attemptTimeout", Duration.ofSeconds(10));
        Duration call = duration("platform.callTimeout", Duration.ofSeconds(60));
        PrivateKey his = parsed("keys.hisPrivateKey", read("keys.hisPrivateKey"), Sm2Keys::privateKeyFromPem);
        PublicKey platform = parsed("keys.platformPublicKey", read("keys.platformPublicKey"), Sm2Keys::publicKeyFromPem);
        String code = required("institution.code");
        Admdvs admdvs = parsed("institution.admdvs", required("institution.admdvs"), t -> Admdvs.parse("admdvs", t));
        RequestHeader header = parsed("header", "", x -> RequestHeader.builder()
                .fixmedinsCode(code).fixmedinsName(required("institution.name"))
                .mdtrtareaAdmvs(admdvs.code())
                .recerSysCode(required("header.recerSysCode"))
                .opter(required("header.opter")).opterName(required("header.opterName"))
                .opterType(optional("header.opterType").orElse("1"))
                .infver(optional("header.infver").orElse("V1.0"))
                .devNo(optional("header.devNo").orElse(""))
                .build());
        Institution institution = new Institution(code, admdvs, bool("institution.crossProvince", true),
                bool("institution.suspended", false));
        Catalogue treatment = parsed("catalogue.csv", "", x -> CatalogueCsv.read(existing("catalogue.csv")));
        RegionalPolicies shipped = RegionalPolicies.shipped();
        InsuredPlaces places = InsuredPlaces.none();
        int served = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().matches("insured\\.[0-9]{6}\\.policy")) {
                String province = e.getKey().substring(8, 14);
                Admdvs place = parsed(e.getKey(), province, t -> Admdvs.parse("province", t));
                RegionalPolicy policy = parsed(e.getKey(), e.getValue(), shipped::get);
                String devicesKey = "insured." + province + ".devices";
                Catalogue devices = optional(devicesKey).isPresent()
                        ? parsed(devicesKey, "", x -> CatalogueCsv.read(existing(devicesKey)))
                        : Catalogue.builder().build();
                places = places.with(place, policy, devices);
                served++;
            }
        }
        for (String k : values.keySet()) {
            if (k.endsWith(".devices") && !values.containsKey(k.replace(".devices", ".policy"))) {
                throw invalid(k, "a device catalogue without " + k.replace(".devices", ".policy"));
            }
        }
        if (served == 0) {
            throw invalid("insured.<province>.policy", "at least one insured province must be served, e.g."
                    + " insured.150000.policy=150000");
        }
        RegionalPolicy treatmentPolicy = optional("treatment.policy")
                .map(id -> parsed("treatment.policy", id, shipped::get))
                .orElseGet(() -> shipped.forPlace(admdvs));
        SignIn signIn = signIn();
        UploadDeadlines deadlines = new UploadDeadlines(treatmentPolicy, WorkingDayCalendar.chinaOfficial());
        int port = port();
        InetAddress bind = bind();
        int maxBody = integer("gateway.maxBodyBytes", Gateway.DEFAULT_MAX_BODY_BYTES, 1024, 64 << 20);
        CardSlot slot = optional("card.reader").map(r -> CardSlot.pcsc()).orElse(null);
        String reader = optional("card.reader").filter(r -> !"*".equals(r)).orElse(null);
        AccessToken token = AccessToken.loadOrCreate(tokenFile(), random);

        EnvelopeCodec codec = EnvelopeCodec.builder().signer(new Sm2Signer(his, random))
                .counterpart(new Sm2Verifier(platform)).clock(clock).build();
        PlatformClient client = PlatformClient.builder().endpoint(url).codec(codec)
                .attemptTimeout(attempt).callTimeout(call)
                .backoff(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5)))
                .random(new Random(random.nextLong())).clock(clock).build();
        Path outboxFile = outboxFile();
        Outbox outbox = parsed("outbox.file", "", x -> {
            try {
                Path parent = outboxFile.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (IOException e) {
                throw invalid("outbox.file", "cannot create the directory of " + outboxFile);
            }
            return Outbox.h2File(outboxFile, code, clock, deadlines);
        });
        HisSession.Builder sb = HisSession.builder().outbox(outbox).client(client).header(header)
                .treatmentCatalogue(treatment).insuredPlaces(places).deadlines(deadlines).clock(clock);
        if (signIn != null) {
            sb.signIn(signIn);
        }
        HisSession session = sb.build();
        CardSlot named = slot == null ? null : new CardSlot() {
            @Override
            public <T> T withCard(String r, Duration timeout, Function<io.wcsettle.his.card.ApduChannel, T> read) {
                return slot.withCard(r != null ? r : reader, timeout, read);
            }
        };
        return new Opened(session, token, institution, named, bind, port, maxBody);
    }

    private SignIn signIn() {
        Optional<String> op = optional("signIn.operatorNo");
        Optional<String> mac = optional("signIn.mac");
        Optional<String> ip = optional("signIn.ip");
        if (op.isEmpty() && mac.isEmpty() && ip.isEmpty()) {
            return null;
        }
        return new SignIn(op.orElseThrow(() -> invalid("signIn.operatorNo", "required with signIn.mac / signIn.ip")),
                mac.orElseThrow(() -> invalid("signIn.mac", "required with signIn.operatorNo")),
                ip.orElseThrow(() -> invalid("signIn.ip", "required with signIn.operatorNo")));
    }

    private String read(String key) {
        Path p = existing(key);
        try {
            return Files.readString(p, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw invalid(key, "cannot read " + p + " as PEM text");
        }
    }

    /**
     * What {@link #open} made: the session (to close after the gateway), the token and the gateway's
     * settings.
     *
     * @param session      the workflow session over the outbox
     * @param token        the local access token
     * @param institution  the hospital as core's bill takes it
     * @param cardSlot     the card reader, or {@code null}
     * @param bind         the address to listen on
     * @param port         the port
     * @param maxBodyBytes the largest request body
     */
    public record Opened(HisSession session, AccessToken token, Institution institution, CardSlot cardSlot,
                         InetAddress bind, int port, int maxBodyBytes) {

        /** Starts the gateway over these: resumes what a crash left in the outbox, then listens. */
        public Gateway start(Clock clock) {
            return Gateway.builder().session(session).token(token).institution(institution).cardSlot(cardSlot)
                    .clock(clock).bind(bind).port(port).maxBodyBytes(maxBodyBytes).start();
        }
    }
}
