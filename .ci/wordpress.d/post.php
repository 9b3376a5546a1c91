<?php
// post.php publishes a post whose body is standard input and prints its id
// and URL, or deletes a post (`delete ID`). Run by `.ci/wordpress post`.
$port = $argv[1] === 'delete' ? '80' : $argv[1];
$_SERVER['HTTP_HOST'] = 'localhost:' . $port;
$_SERVER['SERVER_NAME'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';

// As the site's editor, who may write any HTML, as an author pasting a
// URL would.
wp_set_current_user(1);

if ($argv[1] === 'delete') {
    $ok = wp_delete_post((int) $argv[2], true);
    exit($ok ? 0 : 1);
}
$id = wp_insert_post(array(
    'post_title' => isset($argv[2]) ? $argv[2] : 'A post',
    'post_content' => stream_get_contents(STDIN),
    'post_status' => 'publish',
    'post_type' => 'post',
), true);
if (is_wp_error($id)) {
    fwrite(STDERR, 'wordpress: ' . $id->get_error_message() . "\n");
    exit(1);
}
echo $id . ' ' . get_permalink($id) . "\n";
