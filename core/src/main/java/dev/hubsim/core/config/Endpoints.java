package dev.hubsim.core.config;

import dev.hubsim.core.error.ConfigurationException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import okhttp3.HttpUrl;

/** The transport rule for every endpoint the client talks to: https, or plain http to a loopback address. */
public final class Endpoints {

    private Endpoints() {
    }

    /** True for https, and for http to localhost, 127.0.0.0/8 or ::1. */
    public static boolean isHttpsOrLoopback(HttpUrl url) {
        return url.isHttps() || isLoopback(url.host());
    }

    /** Parses an endpoint URL and applies the rule; {@code field} names it in the error. */
    public static URI require(String field, String value) {
        HttpUrl url = value == null ? null : HttpUrl.parse(value);
        if (url == null) {
            throw new ConfigurationException(field + " must be an http(s) URL, got '" + value + "'");
        }
        if (!isHttpsOrLoopback(url)) {
            throw new ConfigurationException(field + " must use https (plain http is allowed only to a loopback "
                    + "address), got '" + value + "'");
        }
        String text = url.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        boolean literal = host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
        if (!literal) {
            return false; // never resolve names here
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
