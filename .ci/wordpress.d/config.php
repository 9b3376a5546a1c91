<?php
// WordPress's settings for the host tests, installed as
// /etc/wordpress/config-localhost.php by .ci/wordpress: Debian's
// wp-config.php loads the file named after the request's host. The site
// answers at any port of localhost, so its address comes from the request
// (or, on the command line, from MSGCOMPARE_WP_PORT).
define('DB_NAME', 'msgcompare_wp');
define('DB_USER', 'msgcompare_wp');
define('DB_PASSWORD', 'msgcompare_wp');
define('DB_HOST', 'localhost');
$table_prefix = 'wp_';

$msgcompare_host = isset($_SERVER['HTTP_HOST']) ? $_SERVER['HTTP_HOST'] : 'localhost';
if (!preg_match('/^localhost(:[0-9]+)?$/', $msgcompare_host)) {
    $msgcompare_host = 'localhost';
}
define('WP_HOME', 'http://' . $msgcompare_host);
define('WP_SITEURL', 'http://' . $msgcompare_host);

// The test's must-use plugin lives apart from Debian's wp-content.
define('WPMU_PLUGIN_DIR', '/var/lib/msgcompare-wordpress/mu-plugins');

// Nothing in the background, no update checks: the machine has no
// internet, and a request to wordpress.org would only wait for a timeout.
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_ACCESSIBLE_HOSTS', '127.0.0.1,localhost');
define('WP_DEBUG', false);
