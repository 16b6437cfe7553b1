package dev.drivenotes.platform.gcp.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for Google's ID-token issuer: an RSA key whose public half is served as a JWK set on
 * loopback ({@link #jwkSetUri()}), and RS256 signing with it or with any other key (a forger's).
 */
public final class LocalIdTokens implements AutoCloseable {

    private final RSAKey key;
    private final HttpServer server;

    private LocalIdTokens(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    /** Serves a fresh key with this key id. */
    public static LocalIdTokens start(String keyId) {
        RSAKey key = newKey(keyId);
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            return new LocalIdTokens(key, server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve a JWK set on loopback", e);
        }
    }

    /** A 2048-bit RSA key, e.g. a forger's with the served key's id. */
    public static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /** The served key. */
    public RSAKey key() {
        return key;
    }

    public URI jwkSetUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/certs");
    }

    /** {@code claims} signed with the served key. */
    public String sign(JWTClaimsSet claims) {
        return sign(key, claims);
    }

    /** {@code claims} signed with {@code key}, as a compact JWT. */
    public static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
