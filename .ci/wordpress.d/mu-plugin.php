<?php
/*
 * Plugin Name: msgcompare test hosts
 * Description: Test only. Lets oEmbed discovery reach msgcompare on
 * 127.0.0.1, at any port, as it would a public host. Never on a real site.
 */

// wp_safe_remote_get refuses loopback addresses unless they count as
// external.
add_filter('http_request_host_is_external', function ($external, $host) {
    return $external || $host === '127.0.0.1';
}, 10, 2);

// ... and ports other than 80, 443 and 8080.
add_filter('http_allowed_safe_ports', function ($ports, $host, $url) {
    if ($host === '127.0.0.1') {
        $port = parse_url($url, PHP_URL_PORT);
        if ($port) {
            $ports[] = $port;
        }
    }
    return $ports;
}, 10, 3);
