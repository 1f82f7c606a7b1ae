package io.wcsettle.spring.boot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

import io.wcsettle.his.platform.Sm4PayloadCipher;

/**
 * The {@code wcsettle.*} properties the starter builds the HIS session from (docs/spring-boot.md
 * lists them all). Secrets ({@code keys.pkcs12.password}, {@code keys.sm4.key},
 * {@code platform.gateway.secret-key}) belong in the environment or a vault, not in a committed
 * file; keys are read from resources ({@code file:} or {@code classpath:}).
 */
@ConfigurationProperties(prefix = "wcsettle")
public class WcsettleProperties {

    /** Whether the starter configures anything at all. */
    private boolean enabled = true;

    /** The treatment place's drug, item, service and rehab catalogue (R-SET-3): a CSV in the format of CatalogueCsv (code,from,until,limit), e.g. file:/etc/wcsettle/catalogue.csv. Required. */
    private Resource treatmentCatalogue;

    /** The insured places this hospital serves, by six-digit province code (150000): each with its policy and device catalogue (R-SET-4). At least one. */
    private java.util.Map<String, InsuredPlace> insuredPlaces = new java.util.LinkedHashMap<>();

    /** The institution: envelope fields of 表 2. */
    private Institution institution = new Institution();

    /** The operator or terminal named in every envelope. */
    private Operator operator = new Operator();

    /** The workstation's device fields of 表 2. */
    private Device device = new Device();

    /** The settlement platform: where, how long to wait, how to retry. */
    private Platform platform = new Platform();

    /** Signing and encryption keys. */
    private Keys keys = new Keys();

    /** 9001 sign-in. */
    private SignIn signIn = new SignIn();

    /** The durable outbox (R-UPL-4). */
    private Outbox outbox = new Outbox();

    /** The working-day calendar of the upload deadlines (R-UPL-1, R-CAL-1). */
    private Calendar calendar = new Calendar();

    /** The HIS session. */
    private Session session = new Session();

    /** The wcsettle health indicator. */
    private Health health = new Health();

    /** @return whether the starter configures anything at all */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled see {@link #isEnabled()} */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the treatment place's drug, item, service and rehab catalogue (R-SET-3): a CSV in the format of {@code CatalogueCsv} ({@code code,from,until,limit}), e.g */
    public Resource getTreatmentCatalogue() {
        return treatmentCatalogue;
    }

    /** @param treatmentCatalogue see {@link #getTreatmentCatalogue()} */
    public void setTreatmentCatalogue(Resource treatmentCatalogue) {
        this.treatmentCatalogue = treatmentCatalogue;
    }

    /** @return the insured places this hospital serves, by six-digit province code ({@code 150000}): each with its policy and device catalogue (R-SET-4) */
    public java.util.Map<String, InsuredPlace> getInsuredPlaces() {
        return insuredPlaces;
    }

    /** @param insuredPlaces see {@link #getInsuredPlaces()} */
    public void setInsuredPlaces(java.util.Map<String, InsuredPlace> insuredPlaces) {
        this.insuredPlaces = insuredPlaces;
    }

    /** @return the institution: envelope fields of 表 2 */
    public Institution getInstitution() {
        return institution;
    }

    /** @param institution see {@link #getInstitution()} */
    public void setInstitution(Institution institution) {
        this.institution = institution;
    }

    /** @return the operator or terminal named in every envelope */
    public Operator getOperator() {
        return operator;
    }

    /** @param operator see {@link #getOperator()} */
    public void setOperator(Operator operator) {
        this.operator = operator;
    }

    /** @return the workstation's device fields of 表 2 */
    public Device getDevice() {
        return device;
    }

    /** @param device see {@link #getDevice()} */
    public void setDevice(Device device) {
        this.device = device;
    }

    /** @return the settlement platform: where, how long to wait, how to retry */
    public Platform getPlatform() {
        return platform;
    }

    /** @param platform see {@link #getPlatform()} */
    public void setPlatform(Platform platform) {
        this.platform = platform;
    }

    /** @return signing and encryption keys */
    public Keys getKeys() {
        return keys;
    }

    /** @param keys see {@link #getKeys()} */
    public void setKeys(Keys keys) {
        this.keys = keys;
    }

    /** @return 9001 sign-in */
    public SignIn getSignIn() {
        return signIn;
    }

    /** @param signIn see {@link #getSignIn()} */
    public void setSignIn(SignIn signIn) {
        this.signIn = signIn;
    }

    /** @return the durable outbox (R-UPL-4) */
    public Outbox getOutbox() {
        return outbox;
    }

    /** @param outbox see {@link #getOutbox()} */
    public void setOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @return the working-day calendar of the upload deadlines (R-UPL-1, R-CAL-1) */
    public Calendar getCalendar() {
        return calendar;
    }

    /** @param calendar see {@link #getCalendar()} */
    public void setCalendar(Calendar calendar) {
        this.calendar = calendar;
    }

    /** @return the HIS session */
    public Session getSession() {
        return session;
    }

    /** @param session see {@link #getSession()} */
    public void setSession(Session session) {
        this.session = session;
    }

    /** @return the {@code wcsettle} health indicator */
    public Health getHealth() {
        return health;
    }

    /** @param health see {@link #getHealth()} */
    public void setHealth(Health health) {
        this.health = health;
    }

    /** The institution's envelope fields (表 2). */
    public static class Institution {

        /** Institution code (fixmedins_code, 12 characters), also the msgid prefix. Required. */
        private String code;

        /** Institution name (fixmedins_name, at most 20 characters). Required. */
        private String name;

        /** The treatment place (mdtrtarea_admvs, six digits, e.g. 430102): its policy sets the upload deadlines. Required. */
        private String admdvs;

        /** @return institution code ({@code fixmedins_code}, 12 characters), also the msgid prefix */
        public String getCode() {
            return code;
        }

        /** @param code see {@link #getCode()} */
        public void setCode(String code) {
            this.code = code;
        }

        /** @return institution name ({@code fixmedins_name}, at most 20 characters) */
        public String getName() {
            return name;
        }

        /** @param name see {@link #getName()} */
        public void setName(String name) {
            this.name = name;
        }

        /** @return the treatment place ({@code mdtrtarea_admvs}, six digits, e.g */
        public String getAdmdvs() {
            return admdvs;
        }

        /** @param admdvs see {@link #getAdmdvs()} */
        public void setAdmdvs(String admdvs) {
            this.admdvs = admdvs;
        }
    }

    /** The operator fields of every envelope (表 2). */
    public static class Operator {

        /** Operator or terminal id (opter, at most 30 characters); also the sign-in opter_no. Required. */
        private String code;

        /** Operator or terminal name (opter_name, at most 50 characters; never logged). Required. */
        private String name;

        /** Operator type (opter_type): 1 经办人, 2 自助终端, 3 移动终端. */
        private String type = "1";

        /** @return operator or terminal id ({@code opter}, at most 30 characters); also the sign-in {@code opter_no} */
        public String getCode() {
            return code;
        }

        /** @param code see {@link #getCode()} */
        public void setCode(String code) {
            this.code = code;
        }

        /** @return operator or terminal name ({@code opter_name}, at most 50 characters; never logged) */
        public String getName() {
            return name;
        }

        /** @param name see {@link #getName()} */
        public void setName(String name) {
            this.name = name;
        }

        /** @return operator type ({@code opter_type}): 1 经办人, 2 自助终端, 3 移动终端 */
        public String getType() {
            return type;
        }

        /** @param type see {@link #getType()} */
        public void setType(String type) {
            this.type = type;
        }
    }

    /** Device fields of 表 2. */
    public static class Device {

        /** Device number (dev_no, at most 100 characters). */
        private String number = "";

        /** Device security information (dev_safe_info, at most 2000 characters; never logged). */
        private String safeInfo = "";

        /** @return device number ({@code dev_no}, at most 100 characters) */
        public String getNumber() {
            return number;
        }

        /** @param number see {@link #getNumber()} */
        public void setNumber(String number) {
            this.number = number;
        }

        /** @return device security information ({@code dev_safe_info}, at most 2000 characters; never logged) */
        public String getSafeInfo() {
            return safeInfo;
        }

        /** @param safeInfo see {@link #getSafeInfo()} */
        public void setSafeInfo(String safeInfo) {
            this.safeInfo = safeInfo;
        }
    }

    /** Where the platform is and how the client talks to it. */
    public static class Platform {

        /** The platform's URL (HTTPS in production), e.g. https://sicp.example.gov.cn/api. Required. */
        private java.net.URI endpoint;

        /** Receiver system code (recer_sys_code), given by the platform operator. Required. */
        private String recerSysCode;

        /** Interface version (infver), given by the platform operator. */
        private String infver = "V1.0";

        /** Timeout of establishing a connection (never longer than the attempt timeout). */
        private Duration connectTimeout = Duration.ofSeconds(3);

        /** Timeout of one HTTP exchange. */
        private Duration attemptTimeout = Duration.ofSeconds(10);

        /** Timeout of all attempts of one call plus the backoff between them; past it the outcome is unknown (R-UPL-4). */
        private Duration callTimeout = Duration.ofSeconds(60);

        /** Largest tolerated difference between a message's time and the local clock. */
        private Duration maxClockSkew = Duration.ofMinutes(5);

        /** Jittered exponential backoff between attempts (the same msgid is resent). */
        private Backoff backoff = new Backoff();

        /** Fail fast while the platform is unreachable. */
        private CircuitBreaker circuitBreaker = new CircuitBreaker();

        /** The service gateway in front of the platform (服务网关, 表 5), when the deployment has one. */
        private Gateway gateway = new Gateway();

        /** @return the platform's URL (HTTPS in production), e.g */
        public java.net.URI getEndpoint() {
            return endpoint;
        }

        /** @param endpoint see {@link #getEndpoint()} */
        public void setEndpoint(java.net.URI endpoint) {
            this.endpoint = endpoint;
        }

        /** @return receiver system code ({@code recer_sys_code}), given by the platform operator */
        public String getRecerSysCode() {
            return recerSysCode;
        }

        /** @param recerSysCode see {@link #getRecerSysCode()} */
        public void setRecerSysCode(String recerSysCode) {
            this.recerSysCode = recerSysCode;
        }

        /** @return interface version ({@code infver}), given by the platform operator */
        public String getInfver() {
            return infver;
        }

        /** @param infver see {@link #getInfver()} */
        public void setInfver(String infver) {
            this.infver = infver;
        }

        /** @return timeout of establishing a connection (never longer than the attempt timeout) */
        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        /** @param connectTimeout see {@link #getConnectTimeout()} */
        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        /** @return timeout of one HTTP exchange */
        public Duration getAttemptTimeout() {
            return attemptTimeout;
        }

        /** @param attemptTimeout see {@link #getAttemptTimeout()} */
        public void setAttemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = attemptTimeout;
        }

        /** @return timeout of all attempts of one call plus the backoff between them; past it the outcome is unknown (R-UPL-4) */
        public Duration getCallTimeout() {
            return callTimeout;
        }

        /** @param callTimeout see {@link #getCallTimeout()} */
        public void setCallTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
        }

        /** @return largest tolerated difference between a message's time and the local clock */
        public Duration getMaxClockSkew() {
            return maxClockSkew;
        }

        /** @param maxClockSkew see {@link #getMaxClockSkew()} */
        public void setMaxClockSkew(Duration maxClockSkew) {
            this.maxClockSkew = maxClockSkew;
        }

        /** @return jittered exponential backoff between attempts (the same msgid is resent) */
        public Backoff getBackoff() {
            return backoff;
        }

        /** @param backoff see {@link #getBackoff()} */
        public void setBackoff(Backoff backoff) {
            this.backoff = backoff;
        }

        /** @return fail fast while the platform is unreachable */
        public CircuitBreaker getCircuitBreaker() {
            return circuitBreaker;
        }

        /** @param circuitBreaker see {@link #getCircuitBreaker()} */
        public void setCircuitBreaker(CircuitBreaker circuitBreaker) {
            this.circuitBreaker = circuitBreaker;
        }

        /** @return the service gateway in front of the platform (服务网关, 表 5), when the deployment has one */
        public Gateway getGateway() {
            return gateway;
        }

        /** @param gateway see {@link #getGateway()} */
        public void setGateway(Gateway gateway) {
            this.gateway = gateway;
        }
    }

    /** Backoff between attempts. */
    public static class Backoff {

        /** Shortest wait before a retry. */
        private Duration min = Duration.ofMillis(500);

        /** Longest wait before a retry. */
        private Duration max = Duration.ofSeconds(5);

        /** @return shortest wait before a retry */
        public Duration getMin() {
            return min;
        }

        /** @param min see {@link #getMin()} */
        public void setMin(Duration min) {
            this.min = min;
        }

        /** @return longest wait before a retry */
        public Duration getMax() {
            return max;
        }

        /** @param max see {@link #getMax()} */
        public void setMax(Duration max) {
            this.max = max;
        }
    }

    /** The client's circuit breaker. */
    public static class CircuitBreaker {

        /** Consecutive attempts that delivered nothing before the client fails fast. */
        private int undeliveredCalls = 3;

        /** How long the client fails fast before it tries again. */
        private Duration openFor = Duration.ofSeconds(30);

        /** @return consecutive attempts that delivered nothing before the client fails fast */
        public int getUndeliveredCalls() {
            return undeliveredCalls;
        }

        /** @param undeliveredCalls see {@link #getUndeliveredCalls()} */
        public void setUndeliveredCalls(int undeliveredCalls) {
            this.undeliveredCalls = undeliveredCalls;
        }

        /** @return how long the client fails fast before it tries again */
        public Duration getOpenFor() {
            return openFor;
        }

        /** @param openFor see {@link #getOpenFor()} */
        public void setOpenFor(Duration openFor) {
            this.openFor = openFor;
        }
    }

    /** The service gateway's AK/SK (表 5); configured when the access key is set. */
    public static class Gateway {

        /** Access key (AK) the gateway issued; setting it turns the gateway headers on. */
        private String accessKey;

        /** Secret key (SK) the gateway issued (a secret: supply it from the environment or a vault, never commit it). */
        private String secretKey;

        /** The service version the gateway expects (_api_version). */
        private String version = "1.0.0";

        /** @return access key (AK) the gateway issued; setting it turns the gateway headers on */
        public String getAccessKey() {
            return accessKey;
        }

        /** @param accessKey see {@link #getAccessKey()} */
        public void setAccessKey(String accessKey) {
            this.accessKey = accessKey;
        }

        /** @return secret key (SK) the gateway issued (a secret: supply it from the environment or a vault, never commit it) */
        public String getSecretKey() {
            return secretKey;
        }

        /** @param secretKey see {@link #getSecretKey()} */
        public void setSecretKey(String secretKey) {
            this.secretKey = secretKey;
        }

        /** @return the service version the gateway expects ({@code _api_version}) */
        public String getVersion() {
            return version;
        }

        /** @param version see {@link #getVersion()} */
        public void setVersion(String version) {
            this.version = version;
        }
    }

    /** SM2 signing keys and the optional SM4 payload key. */
    public static class Keys {

        /** This HIS's SM2 private key as PKCS#8 or SEC1 PEM, e.g. file:/etc/wcsettle/his-private.pem; or use wcsettle.keys.pkcs12.*. */
        private Resource hisPrivateKey;

        /** This HIS's SM2 key pair in a PKCS#12 keystore, instead of his-private-key. */
        private Pkcs12 pkcs12 = new Pkcs12();

        /** The platform's SM2 public key as an X.509 PUBLIC KEY or CERTIFICATE PEM. Required. */
        private Resource platformPublicKey;

        /** The SM2 user id of both sides' signatures. */
        private String sm2UserId = "1234567812345678";

        /** Optional SM4 payload encryption (both sides must agree). */
        private Sm4 sm4 = new Sm4();

        /** @return this HIS's SM2 private key as PKCS#8 or SEC1 PEM, e.g */
        public Resource getHisPrivateKey() {
            return hisPrivateKey;
        }

        /** @param hisPrivateKey see {@link #getHisPrivateKey()} */
        public void setHisPrivateKey(Resource hisPrivateKey) {
            this.hisPrivateKey = hisPrivateKey;
        }

        /** @return this HIS's SM2 key pair in a PKCS#12 keystore, instead of {@code his-private-key} */
        public Pkcs12 getPkcs12() {
            return pkcs12;
        }

        /** @param pkcs12 see {@link #getPkcs12()} */
        public void setPkcs12(Pkcs12 pkcs12) {
            this.pkcs12 = pkcs12;
        }

        /** @return the platform's SM2 public key as an X.509 {@code PUBLIC KEY} or {@code CERTIFICATE} PEM */
        public Resource getPlatformPublicKey() {
            return platformPublicKey;
        }

        /** @param platformPublicKey see {@link #getPlatformPublicKey()} */
        public void setPlatformPublicKey(Resource platformPublicKey) {
            this.platformPublicKey = platformPublicKey;
        }

        /** @return the SM2 user id of both sides' signatures */
        public String getSm2UserId() {
            return sm2UserId;
        }

        /** @param sm2UserId see {@link #getSm2UserId()} */
        public void setSm2UserId(String sm2UserId) {
            this.sm2UserId = sm2UserId;
        }

        /** @return optional SM4 payload encryption (both sides must agree) */
        public Sm4 getSm4() {
            return sm4;
        }

        /** @param sm4 see {@link #getSm4()} */
        public void setSm4(Sm4 sm4) {
            this.sm4 = sm4;
        }
    }

    /** A PKCS#12 keystore holding this HIS's SM2 key pair. */
    public static class Pkcs12 {

        /** The keystore, e.g. file:/etc/wcsettle/his.p12. */
        private Resource location;

        /** The keystore password (a secret). */
        private String password;

        /** The alias of the key entry. Required with a location. */
        private String alias;

        /** @return the keystore, e.g */
        public Resource getLocation() {
            return location;
        }

        /** @param location see {@link #getLocation()} */
        public void setLocation(Resource location) {
            this.location = location;
        }

        /** @return the keystore password (a secret) */
        public String getPassword() {
            return password;
        }

        /** @param password see {@link #getPassword()} */
        public void setPassword(String password) {
            this.password = password;
        }

        /** @return the alias of the key entry */
        public String getAlias() {
            return alias;
        }

        /** @param alias see {@link #getAlias()} */
        public void setAlias(String alias) {
            this.alias = alias;
        }
    }

    /** SM4 payload encryption. */
    public static class Sm4 {

        /** The 16-byte SM4 key as 32 hex digits (a secret); unset: payloads are not encrypted. */
        private String key;

        /** The block mode agreed with the platform: ECB (the national template), CBC or GCM. Required with a key. */
        private Sm4PayloadCipher.Mode mode;

        /** @return the 16-byte SM4 key as 32 hex digits (a secret); unset: payloads are not encrypted */
        public String getKey() {
            return key;
        }

        /** @param key see {@link #getKey()} */
        public void setKey(String key) {
            this.key = key;
        }

        /** @return the block mode agreed with the platform: {@code ECB} (the national template), {@code CBC} or {@code GCM} */
        public Sm4PayloadCipher.Mode getMode() {
            return mode;
        }

        /** @param mode see {@link #getMode()} */
        public void setMode(Sm4PayloadCipher.Mode mode) {
            this.mode = mode;
        }
    }

    /** 9001 sign-in; the session signs in before its first step and again when the platform asks. */
    public static class SignIn {

        /** Whether the session signs in (turn off for a platform that needs no sign-in). */
        private boolean enabled = true;

        /** The workstation's MAC address of the 9001 input. Required when enabled. */
        private String mac;

        /** The workstation's IP address of the 9001 input. Required when enabled. */
        private String ip;

        /** @return whether the session signs in (turn off for a platform that needs no sign-in) */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled see {@link #isEnabled()} */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the workstation's MAC address of the 9001 input */
        public String getMac() {
            return mac;
        }

        /** @param mac see {@link #getMac()} */
        public void setMac(String mac) {
            this.mac = mac;
        }

        /** @return the workstation's IP address of the 9001 input */
        public String getIp() {
            return ip;
        }

        /** @param ip see {@link #getIp()} */
        public void setIp(String ip) {
            this.ip = ip;
        }
    }

    /** Where the durable outbox lives. */
    public static class Outbox {

        /** auto: on the application's DataSource when there is exactly one, else the H2 file; datasource; h2-file. */
        private Store store = Store.AUTO;

        /** The embedded H2 outbox file (without .mv.db; its payload key is written beside it as FILE.key). Required when the H2 file is used. */
        private java.nio.file.Path h2File;

        /** On a DataSource: a key file sealing the stored payloads (names, ID numbers), created owner-only on first use; unset: payloads are stored as they are (protect the database). */
        private Resource protectionKeyFile;

        /** This workstation's number, from 0 to workstations - 1, when the institution's workstations keep separate outboxes. */
        private int workstation = 0;

        /** How many workstations keep separate outboxes (1: one outbox for the institution). */
        private int workstations = 1;

        /** @return {@code auto}: on the application's DataSource when there is exactly one, else the H2 file; {@code datasource}; {@code h2-file} */
        public Store getStore() {
            return store;
        }

        /** @param store see {@link #getStore()} */
        public void setStore(Store store) {
            this.store = store;
        }

        /** @return the embedded H2 outbox file (without {@code .mv.db}; its payload key is written beside it as {@code FILE.key}) */
        public java.nio.file.Path getH2File() {
            return h2File;
        }

        /** @param h2File see {@link #getH2File()} */
        public void setH2File(java.nio.file.Path h2File) {
            this.h2File = h2File;
        }

        /** @return on a DataSource: a key file sealing the stored payloads (names, ID numbers), created owner-only on first use; unset: payloads are stored as they are (protect the database) */
        public Resource getProtectionKeyFile() {
            return protectionKeyFile;
        }

        /** @param protectionKeyFile see {@link #getProtectionKeyFile()} */
        public void setProtectionKeyFile(Resource protectionKeyFile) {
            this.protectionKeyFile = protectionKeyFile;
        }

        /** @return this workstation's number, from 0 to {@code workstations} - 1, when the institution's workstations keep separate outboxes */
        public int getWorkstation() {
            return workstation;
        }

        /** @param workstation see {@link #getWorkstation()} */
        public void setWorkstation(int workstation) {
            this.workstation = workstation;
        }

        /** @return how many workstations keep separate outboxes (1: one outbox for the institution) */
        public int getWorkstations() {
            return workstations;
        }

        /** @param workstations see {@link #getWorkstations()} */
        public void setWorkstations(int workstations) {
            this.workstations = workstations;
        }

        /** Where the outbox lives. */
        public enum Store {
            /** On the application's DataSource when there is exactly one, else the H2 file. */
            AUTO,
            /** On the application's DataSource (required). */
            DATASOURCE,
            /** In the embedded H2 file {@code wcsettle.outbox.h2-file}. */
            H2_FILE
        }

    }

    /** The working-day calendar. */
    public static class Calendar {

        /** A file in the format of cn-workdays.json that adds or replaces years of the bundled official calendar, looked at again every check-every (drop next year's schedule in without a restart). */
        private java.nio.file.Path file;

        /** How often the calendar file is looked at. */
        private Duration checkEvery = Duration.ofHours(1);

        /** @return A file in the format of {@code cn-workdays.json} that adds or replaces years of the bundled official calendar, looked at again every {@code check-every} (drop next year's schedule in without a restart) */
        public java.nio.file.Path getFile() {
            return file;
        }

        /** @param file see {@link #getFile()} */
        public void setFile(java.nio.file.Path file) {
            this.file = file;
        }

        /** @return how often the calendar file is looked at */
        public Duration getCheckEvery() {
            return checkEvery;
        }

        /** @param checkEvery see {@link #getCheckEvery()} */
        public void setCheckEvery(Duration checkEvery) {
            this.checkEvery = checkEvery;
        }
    }

    /** The HIS session. */
    public static class Session {

        /** Whether start-up finishes what a crash left in the outbox (HisSession.resume()); stops at once while the platform is unreachable. */
        private boolean resumeOnStart = true;

        /** Delivery or resolution rounds per step before the outcome is reported unknown. */
        private int maxRounds = 5;

        /** @return whether start-up finishes what a crash left in the outbox ({@code HisSession.resume()}); stops at once while the platform is unreachable */
        public boolean isResumeOnStart() {
            return resumeOnStart;
        }

        /** @param resumeOnStart see {@link #isResumeOnStart()} */
        public void setResumeOnStart(boolean resumeOnStart) {
            this.resumeOnStart = resumeOnStart;
        }

        /** @return delivery or resolution rounds per step before the outcome is reported unknown */
        public int getMaxRounds() {
            return maxRounds;
        }

        /** @param maxRounds see {@link #getMaxRounds()} */
        public void setMaxRounds(int maxRounds) {
            this.maxRounds = maxRounds;
        }
    }

    /** The health indicator. */
    public static class Health {

        /** Whether the health check opens a TCP connection to the platform's host and port (nothing is sent); off: only the circuit breaker's state is reported. */
        private boolean probe = true;

        /** Timeout of the TCP probe. */
        private Duration probeTimeout = Duration.ofSeconds(1);

        /** How far ahead the calendar must cover; a year missing within it is a warning, the current year missing is DOWN. */
        private java.time.Period calendarHorizon = java.time.Period.ofDays(90);

        /** @return whether the health check opens a TCP connection to the platform's host and port (nothing is sent); off: only the circuit breaker's state is reported */
        public boolean isProbe() {
            return probe;
        }

        /** @param probe see {@link #isProbe()} */
        public void setProbe(boolean probe) {
            this.probe = probe;
        }

        /** @return timeout of the TCP probe */
        public Duration getProbeTimeout() {
            return probeTimeout;
        }

        /** @param probeTimeout see {@link #getProbeTimeout()} */
        public void setProbeTimeout(Duration probeTimeout) {
            this.probeTimeout = probeTimeout;
        }

        /** @return how far ahead the calendar must cover; a year missing within it is a warning, the current year missing is DOWN */
        public java.time.Period getCalendarHorizon() {
            return calendarHorizon;
        }

        /** @param calendarHorizon see {@link #getCalendarHorizon()} */
        public void setCalendarHorizon(java.time.Period calendarHorizon) {
            this.calendarHorizon = calendarHorizon;
        }
    }

    /** One insured place (a province) this hospital serves. */
    public static class InsuredPlace {

        /** The id of its regional policy in the RegionalPolicies bean (110000, 150000, default are shipped); unset: the province's own when registered, else default. */
        private String policy;

        /** Its device catalogue CSV (R-SET-4, format of CatalogueCsv); unset: none. */
        private Resource devices;

        /** @return the id of its regional policy in the {@code RegionalPolicies} bean ({@code 110000}, {@code 150000}, {@code default} are shipped); unset: the province's own when registered, else {@code default} */
        public String getPolicy() {
            return policy;
        }

        /** @param policy see {@link #getPolicy()} */
        public void setPolicy(String policy) {
            this.policy = policy;
        }

        /** @return its device catalogue CSV (R-SET-4, format of {@code CatalogueCsv}); unset: none */
        public Resource getDevices() {
            return devices;
        }

        /** @param devices see {@link #getDevices()} */
        public void setDevices(Resource devices) {
            this.devices = devices;
        }
    }
}
