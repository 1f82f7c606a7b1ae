package io.wcsettle.spring.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;

import io.wcsettle.core.calendar.CalendarSource;
import io.wcsettle.core.calendar.ReloadingCalendarSource;
import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.catalogue.CatalogueCsv;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.policy.RegionalPolicy;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.upload.UploadDeadlines;
import io.wcsettle.his.outbox.Outbox;
import io.wcsettle.his.outbox.Protection;
import io.wcsettle.his.platform.ApiGateway;
import io.wcsettle.his.platform.Backoff;
import io.wcsettle.his.platform.EnvelopeCodec;
import io.wcsettle.his.platform.PlatformClient;
import io.wcsettle.his.platform.RequestHeader;
import io.wcsettle.his.platform.Sm2Keys;
import io.wcsettle.his.platform.Sm2Signer;
import io.wcsettle.his.platform.Sm2Verifier;
import io.wcsettle.his.platform.Sm4PayloadCipher;
import io.wcsettle.his.platform.Workstation;
import io.wcsettle.his.session.HisSession;
import io.wcsettle.his.session.InsuredPlaces;
import io.wcsettle.his.session.SignIn;
import io.wcsettle.his.session.StepListener;

/**
 * Builds what {@code DischargeAgainstSimulator} wires by hand, from {@code wcsettle.*}
 * properties: the {@link EnvelopeCodec} (SM2 keys, optional SM4), the {@link PlatformClient}, the
 * {@link RequestHeader}, the treatment catalogue, the {@link InsuredPlaces}, the
 * {@link UploadDeadlines} on the official calendar, the {@link Outbox} (on the application's
 * {@link DataSource} when it has one) and the {@link HisSession}. Each bean backs off when the
 * application defines its own of the same type (the treatment catalogue: of the name
 * {@code wcsettleTreatmentCatalogue}). A property that is missing or unusable fails start-up with a
 * {@link WcsettlePropertyException} naming it.
 *
 * <p>The session is one workstation's and not thread-safe: an application that serves several
 * workstations or threads serialises its calls or defines one session per workstation itself.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnProperty(prefix = "wcsettle", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(WcsettleProperties.class)
public class WcsettleAutoConfiguration {

    /** Names of 表 2 fields (as the SDK reports them) → the property that sets them. */
    private static final Map<String, String> HEADER_PROPERTIES = Map.ofEntries(
            Map.entry("mdtrtarea_admvs", "wcsettle.institution.admdvs"),
            Map.entry("recer_sys_code", "wcsettle.platform.recer-sys-code"),
            Map.entry("dev_no", "wcsettle.device.number"),
            Map.entry("dev_safe_info", "wcsettle.device.safe-info"),
            Map.entry("infver", "wcsettle.platform.infver"),
            Map.entry("opter_type", "wcsettle.operator.type"),
            Map.entry("opter", "wcsettle.operator.code"),
            Map.entry("opter_name", "wcsettle.operator.name"),
            Map.entry("fixmedins_code", "wcsettle.institution.code"),
            Map.entry("fixmedins_name", "wcsettle.institution.name"));

    /** The name of the clock bean the wcsettle beans use. */
    public static final String CLOCK = "wcsettleClock";

    /** Created by Spring. */
    public WcsettleAutoConfiguration() {
    }

    /**
     * The clock of settlement dates and message times: the system clock in Beijing time
     * ({@code Asia/Shanghai}), as the platform reads {@code inf_time} — in Xinjiang too. An
     * application replaces it with a {@code Clock} bean named {@code wcsettleClock} (its other
     * {@code Clock} beans, e.g. one in UTC, are not used).
     */
    @Bean(name = CLOCK)
    @ConditionalOnMissingBean(name = CLOCK)
    public Clock wcsettleClock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }

    /** The regional policies the insured places' and treatment place's policies are looked up in: the shipped ones. */
    @Bean
    @ConditionalOnMissingBean
    public RegionalPolicies wcsettleRegionalPolicies() {
        return RegionalPolicies.shipped();
    }

    /** The official working-day calendar, overlaid by {@code wcsettle.calendar.file} when set (R-CAL-1). */
    @Bean
    @ConditionalOnMissingBean
    public CalendarSource wcsettleCalendarSource(WcsettleProperties p, @Qualifier(CLOCK) Clock clock) {
        WcsettleProperties.Calendar c = p.getCalendar();
        if (c.getFile() == null) {
            return CalendarSource.fixed(WorkingDayCalendar.chinaOfficial());
        }
        if (c.getCheckEvery() == null || c.getCheckEvery().isNegative() || c.getCheckEvery().isZero()) {
            throw WcsettlePropertyException.invalid("wcsettle.calendar.check-every", "must be positive");
        }
        return new ReloadingCalendarSource(WorkingDayCalendar.chinaOfficial(), c.getFile(), clock, c.getCheckEvery());
    }

    /** R-UPL-1 deadlines under each treatment place's policy, on the calendar source. */
    @Bean
    @ConditionalOnMissingBean
    public UploadDeadlines wcsettleUploadDeadlines(RegionalPolicies policies, CalendarSource calendar) {
        return UploadDeadlines.byTreatmentPlace(policies, calendar);
    }

    /** SM3withSM2 both ways with the configured keys, optional SM4 payload encryption. */
    @Bean
    @ConditionalOnMissingBean
    public EnvelopeCodec wcsettleEnvelopeCodec(WcsettleProperties p, @Qualifier(CLOCK) Clock clock) {
        WcsettleProperties.Keys k = p.getKeys();
        SecureRandom random = new SecureRandom();
        byte[] userId = requireText("wcsettle.keys.sm2-user-id", k.getSm2UserId(), "the SM2 user id")
                .getBytes(StandardCharsets.UTF_8);
        PublicKey platformKey = publicKey(k.getPlatformPublicKey());
        EnvelopeCodec.Builder b = EnvelopeCodec.builder()
                .signer(new Sm2Signer(hisPrivateKey(k), random, userId))
                .counterpart(new Sm2Verifier(platformKey, userId))
                .clock(clock);
        if (p.getPlatform().getMaxClockSkew() != null) {
            b.maxClockSkew(positive("wcsettle.platform.max-clock-skew", p.getPlatform().getMaxClockSkew()));
        }
        WcsettleProperties.Sm4 sm4 = k.getSm4();
        if (sm4.getKey() != null && !sm4.getKey().isBlank()) {
            byte[] key;
            try {
                key = HexFormat.of().parseHex(sm4.getKey().trim());
            } catch (IllegalArgumentException e) {
                throw WcsettlePropertyException.invalid("wcsettle.keys.sm4.key", "not hexadecimal (32 hex digits)");
            }
            if (key.length != 16) {
                throw WcsettlePropertyException.invalid("wcsettle.keys.sm4.key", "an SM4 key is 16 bytes (32 hex digits)");
            }
            if (sm4.getMode() == null) {
                throw WcsettlePropertyException.missing("wcsettle.keys.sm4.mode",
                        "the block mode agreed with the platform (ECB, CBC or GCM) when wcsettle.keys.sm4.key is set");
            }
            b.payloadCipher(new Sm4PayloadCipher(key, sm4.getMode(), random));
        }
        return b.build();
    }

    /** The signed platform client: endpoint, timeouts, backoff, circuit breaker, service gateway. */
    @Bean
    @ConditionalOnMissingBean
    public PlatformClient wcsettlePlatformClient(WcsettleProperties p, EnvelopeCodec codec, @Qualifier(CLOCK) Clock clock) {
        WcsettleProperties.Platform pl = p.getPlatform();
        URI endpoint = pl.getEndpoint();
        if (endpoint == null) {
            throw WcsettlePropertyException.missing("wcsettle.platform.endpoint", "the platform's URL");
        }
        if (!("https".equalsIgnoreCase(endpoint.getScheme()) || "http".equalsIgnoreCase(endpoint.getScheme()))
                || endpoint.getHost() == null) {
            throw WcsettlePropertyException.invalid("wcsettle.platform.endpoint", "not an http(s) URL with a host");
        }
        java.time.Duration attempt = positive("wcsettle.platform.attempt-timeout", pl.getAttemptTimeout());
        java.time.Duration call = positive("wcsettle.platform.call-timeout", pl.getCallTimeout());
        java.time.Duration min = positive("wcsettle.platform.backoff.min", pl.getBackoff().getMin());
        java.time.Duration max = positive("wcsettle.platform.backoff.max", pl.getBackoff().getMax());
        if (max.compareTo(min) < 0) {
            throw WcsettlePropertyException.invalid("wcsettle.platform.backoff.max", "shorter than wcsettle.platform.backoff.min");
        }
        if (pl.getCircuitBreaker().getUndeliveredCalls() < 1) {
            throw WcsettlePropertyException.invalid("wcsettle.platform.circuit-breaker.undelivered-calls", "at least 1");
        }
        PlatformClient.Builder b = PlatformClient.builder()
                .endpoint(endpoint)
                .codec(codec)
                .connectTimeout(positive("wcsettle.platform.connect-timeout", pl.getConnectTimeout()))
                .attemptTimeout(attempt)
                .callTimeout(call)
                .backoff(new Backoff(min, max))
                .circuitBreaker(pl.getCircuitBreaker().getUndeliveredCalls(),
                        positive("wcsettle.platform.circuit-breaker.open-for", pl.getCircuitBreaker().getOpenFor()))
                .random(new SecureRandom())
                .clock(clock);
        WcsettleProperties.Gateway g = pl.getGateway();
        if (g.getAccessKey() != null && !g.getAccessKey().isBlank()) {
            String sk = requireText("wcsettle.platform.gateway.secret-key", g.getSecretKey(),
                    "the gateway's SK when wcsettle.platform.gateway.access-key is set");
            String version = requireText("wcsettle.platform.gateway.version", g.getVersion(), "the service version");
            try {
                b.gateway(new ApiGateway(g.getAccessKey(), sk, version));
            } catch (WcsettleException e) {
                throw WcsettlePropertyException.invalid("wcsettle.platform.gateway.access-key", e.getMessage(), e);
            }
        }
        return b.build();
    }

    /** The institution's envelope fields (表 2); the session adds {@code sign_no} and the insured place. */
    @Bean
    @ConditionalOnMissingBean
    public RequestHeader wcsettleRequestHeader(WcsettleProperties p) {
        try {
            return RequestHeader.builder()
                    .fixmedinsCode(requireText("wcsettle.institution.code", p.getInstitution().getCode(),
                            "the 12-character fixmedins_code"))
                    .fixmedinsName(requireText("wcsettle.institution.name", p.getInstitution().getName(),
                            "the fixmedins_name"))
                    .mdtrtareaAdmvs(requireText("wcsettle.institution.admdvs", p.getInstitution().getAdmdvs(),
                            "the treatment place's six-digit admdvs"))
                    .recerSysCode(requireText("wcsettle.platform.recer-sys-code", p.getPlatform().getRecerSysCode(),
                            "the recer_sys_code the platform operator gave"))
                    .infver(p.getPlatform().getInfver())
                    .opterType(p.getOperator().getType())
                    .opter(requireText("wcsettle.operator.code", p.getOperator().getCode(), "the opter"))
                    .opterName(requireText("wcsettle.operator.name", p.getOperator().getName(), "the opter_name"))
                    .devNo(p.getDevice().getNumber())
                    .devSafeInfo(p.getDevice().getSafeInfo())
                    .build();
        } catch (WcsettleException e) {
            if (e instanceof WcsettlePropertyException) {
                throw e;
            }
            String property = HEADER_PROPERTIES.getOrDefault(e.field(), "wcsettle.institution");
            throw WcsettlePropertyException.invalid(property, e.getMessage(), e);
        }
    }

    /** The treatment place's catalogue (R-SET-3) from {@code wcsettle.treatment-catalogue}. */
    @Bean(name = "wcsettleTreatmentCatalogue")
    @ConditionalOnMissingBean(name = "wcsettleTreatmentCatalogue")
    public Catalogue wcsettleTreatmentCatalogue(WcsettleProperties p) {
        if (p.getTreatmentCatalogue() == null) {
            throw WcsettlePropertyException.missing("wcsettle.treatment-catalogue",
                    "the treatment place's catalogue CSV (code,from,until,limit)");
        }
        return catalogue("wcsettle.treatment-catalogue", p.getTreatmentCatalogue());
    }

    /** The insured places of {@code wcsettle.insured-places}, each with its policy and devices (R-SET-4). */
    @Bean
    @ConditionalOnMissingBean
    public InsuredPlaces wcsettleInsuredPlaces(WcsettleProperties p, RegionalPolicies policies) {
        if (p.getInsuredPlaces().isEmpty()) {
            throw WcsettlePropertyException.missing("wcsettle.insured-places",
                    "at least one insured province, e.g. wcsettle.insured-places.150000.policy=150000");
        }
        InsuredPlaces places = InsuredPlaces.none();
        for (Map.Entry<String, WcsettleProperties.InsuredPlace> e : p.getInsuredPlaces().entrySet()) {
            String prefix = "wcsettle.insured-places." + e.getKey();
            Admdvs province;
            try {
                province = Admdvs.parse("insured", e.getKey()).province();
            } catch (WcsettleException ex) {
                throw WcsettlePropertyException.invalid(prefix, "the key is not a six-digit admdvs", ex);
            }
            String id = e.getValue().getPolicy();
            RegionalPolicy policy;
            try {
                policy = id == null || id.isBlank() ? policies.forPlace(province) : policies.get(id);
            } catch (WcsettleException ex) {
                throw WcsettlePropertyException.invalid(prefix + ".policy",
                        "no such policy; registered: " + policies.ids(), ex);
            }
            Catalogue devices = e.getValue().getDevices() == null ? Catalogue.builder().build()
                    : catalogue(prefix + ".devices", e.getValue().getDevices());
            places = places.with(province, policy, devices);
        }
        return places;
    }

    /** The 9001 sign-in input (operator, MAC, IP), unless {@code wcsettle.sign-in.enabled=false}. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "wcsettle.sign-in", name = "enabled", havingValue = "true", matchIfMissing = true)
    public SignIn wcsettleSignIn(WcsettleProperties p) {
        String operator = requireText("wcsettle.operator.code", p.getOperator().getCode(), "the opter_no of 9001");
        String mac = requireText("wcsettle.sign-in.mac", p.getSignIn().getMac(),
                "the workstation's MAC address (or wcsettle.sign-in.enabled=false)");
        String ip = requireText("wcsettle.sign-in.ip", p.getSignIn().getIp(),
                "the workstation's IP address (or wcsettle.sign-in.enabled=false)");
        try {
            return new SignIn(operator, mac, ip);
        } catch (WcsettleException e) {
            throw WcsettlePropertyException.invalid("wcsettle.sign-in", e.getMessage(), e);
        }
    }

    /**
     * The durable outbox: on the application's {@link DataSource} (store {@code auto} with exactly one,
     * or {@code datasource}), else in the H2 file {@code wcsettle.outbox.h2-file}.
     */
    @Bean
    @ConditionalOnMissingBean
    public Outbox wcsettleOutbox(WcsettleProperties p, ObjectProvider<DataSource> dataSources, @Qualifier(CLOCK) Clock clock,
                                 UploadDeadlines deadlines, RequestHeader header) {
        WcsettleProperties.Outbox o = p.getOutbox();
        Workstation ws;
        try {
            ws = Workstation.of(o.getWorkstation(), o.getWorkstations());
        } catch (WcsettleException e) {
            throw WcsettlePropertyException.invalid("wcsettle.outbox.workstation", e.getMessage(), e);
        }
        String institution = header.fixmedinsCode();
        DataSource ds = switch (o.getStore()) {
            case AUTO -> dataSources.getIfUnique();
            case DATASOURCE -> {
                DataSource d = dataSources.getIfUnique();
                if (d == null) {
                    throw WcsettlePropertyException.invalid("wcsettle.outbox.store",
                            "datasource, but the application has no single DataSource bean");
                }
                yield d;
            }
            case H2_FILE -> null;
        };
        if (ds != null) {
            Protection protection = null;
            if (o.getProtectionKeyFile() != null) {
                protection = Protection.keyFile(file("wcsettle.outbox.protection-key-file", o.getProtectionKeyFile()));
            }
            return Outbox.open(ds, institution, clock, deadlines, ws, protection);
        }
        if (o.getH2File() == null) {
            throw WcsettlePropertyException.missing("wcsettle.outbox.h2-file",
                    "the outbox file, as the application has no DataSource (or set wcsettle.outbox.store)");
        }
        try {
            Class.forName("org.h2.Driver", false, WcsettleAutoConfiguration.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw WcsettlePropertyException.invalid("wcsettle.outbox.h2-file",
                    "the H2 outbox needs com.h2database:h2 on the class path (or give the application a DataSource)");
        }
        return Outbox.h2File(o.getH2File(), institution, clock, deadlines, ws);
    }

    /**
     * The session over the beans above, told of every step by the application's {@link StepListener}
     * beans (the metrics among them); with {@code wcsettle.session.resume-on-start}, start-up finishes
     * what a crash left in the outbox.
     */
    @Bean
    @ConditionalOnMissingBean
    public HisSession wcsettleHisSession(WcsettleProperties p, Outbox outbox, PlatformClient client,
                                         RequestHeader header,
                                         @Qualifier("wcsettleTreatmentCatalogue") Catalogue treatmentCatalogue,
                                         InsuredPlaces insuredPlaces, UploadDeadlines deadlines, @Qualifier(CLOCK) Clock clock,
                                         ObjectProvider<SignIn> signIn, ObjectProvider<StepListener> listeners) {
        if (p.getSession().getMaxRounds() < 1) {
            throw WcsettlePropertyException.invalid("wcsettle.session.max-rounds", "at least 1");
        }
        List<StepListener> all = listeners.orderedStream().toList();
        HisSession session = HisSession.builder()
                .outbox(outbox).client(client).header(header)
                .treatmentCatalogue(treatmentCatalogue).insuredPlaces(insuredPlaces)
                .signIn(signIn.getIfAvailable())
                .deadlines(deadlines).clock(clock)
                .maxRounds(p.getSession().getMaxRounds())
                .stepListener(new StepListeners(all))
                .build();
        if (p.getSession().isResumeOnStart()) {
            session.resume();
        }
        return session;
    }

    private static PrivateKey hisPrivateKey(WcsettleProperties.Keys k) {
        WcsettleProperties.Pkcs12 p12 = k.getPkcs12();
        if (k.getHisPrivateKey() != null && p12.getLocation() != null) {
            throw WcsettlePropertyException.invalid("wcsettle.keys.pkcs12.location",
                    "set either wcsettle.keys.his-private-key or wcsettle.keys.pkcs12.location, not both");
        }
        if (k.getHisPrivateKey() != null) {
            String pem = text("wcsettle.keys.his-private-key", k.getHisPrivateKey());
            try {
                return Sm2Keys.privateKeyFromPem(pem);
            } catch (WcsettleException e) {
                throw WcsettlePropertyException.invalid("wcsettle.keys.his-private-key", e.getMessage(), e);
            }
        }
        if (p12.getLocation() == null) {
            throw WcsettlePropertyException.missing("wcsettle.keys.his-private-key",
                    "this HIS's SM2 private key PEM (or wcsettle.keys.pkcs12.location)");
        }
        String alias = requireText("wcsettle.keys.pkcs12.alias", p12.getAlias(), "the key entry's alias");
        char[] password = p12.getPassword() == null ? new char[0] : p12.getPassword().toCharArray();
        try (InputStream in = p12.getLocation().getInputStream()) {
            KeyPair pair = Sm2Keys.fromPkcs12(in, password, alias);
            return pair.getPrivate();
        } catch (IOException e) {
            throw unreadable("wcsettle.keys.pkcs12.location", e);
        } catch (WcsettleException e) {
            throw WcsettlePropertyException.invalid("wcsettle.keys.pkcs12.location", e.getMessage(), e);
        }
    }

    private static PublicKey publicKey(Resource r) {
        if (r == null) {
            throw WcsettlePropertyException.missing("wcsettle.keys.platform-public-key",
                    "the platform's SM2 public key or certificate PEM");
        }
        try {
            return Sm2Keys.publicKeyFromPem(text("wcsettle.keys.platform-public-key", r));
        } catch (WcsettleException e) {
            throw WcsettlePropertyException.invalid("wcsettle.keys.platform-public-key", e.getMessage(), e);
        }
    }

    private static Catalogue catalogue(String property, Resource r) {
        try (Reader in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
            return CatalogueCsv.read(in);
        } catch (IOException e) {
            throw unreadable(property, e);
        } catch (WcsettleException e) {
            throw WcsettlePropertyException.invalid(property, e.getMessage(), e);
        }
    }

    private static String text(String property, Resource r) {
        try (InputStream in = r.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unreadable(property, e);
        }
    }

    private static Path file(String property, Resource r) {
        try {
            return r.getFile().toPath();
        } catch (IOException e) {
            throw WcsettlePropertyException.invalid(property, "must be a file in the file system (file:...)");
        }
    }

    private static WcsettlePropertyException unreadable(String property, IOException e) {
        return new WcsettlePropertyException(StarterErrorCode.PROPERTY_UNREADABLE, property,
                "cannot read it (" + e.getClass().getSimpleName() + ")", e);
    }

    private static String requireText(String property, String value, String what) {
        if (value == null || value.isBlank()) {
            throw WcsettlePropertyException.missing(property, what);
        }
        return value;
    }

    private static java.time.Duration positive(String property, java.time.Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw WcsettlePropertyException.invalid(property, "must be a positive duration");
        }
        return d;
    }
}
