<?php
// install.php installs the test site, as wp-admin/install.php would,
// unless it is installed already. Run by `.ci/wordpress install`.
$_SERVER['HTTP_HOST'] = 'localhost';
$_SERVER['SERVER_NAME'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';

// No mail: the machine has no MTA, and nobody reads it.
function wp_new_blog_notification($blog_title, $blog_url, $user_id, $password) {}
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

if (is_blog_installed()) {
    echo "wordpress: the site is installed already\n";
    exit(0);
}
$result = wp_install('A privacy blog', 'editor', 'editor@example.invalid', true, '', 'msgcompare-test');
if (empty($result['user_id'])) {
    fwrite(STDERR, "wordpress: wp_install failed\n");
    exit(1);
}
echo "wordpress: installed WordPress " . get_bloginfo('version') . " with the theme " . get_stylesheet() . "\n";
