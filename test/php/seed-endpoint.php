<?php
// A server written the way a PHP team would write it from the seeds, not from the SDK: it reads
// headers by their documented names through getallheaders() and checks each signature exactly as
// the seeds' PHP computes it, over the raw body (php://input).
//   /api/v1/...       seed 000: X-API-Key, X-Timestamp, X-Signature, X-Admin-Code (or X-Tenant-Code),
//                     hash_hmac('sha256', $timestamp . $method . $endpoint . $body, $api_secret)
//   /reencoded/...    the same, but signing json_encode(json_decode($body)) instead of the raw body
//                     (what "For POST, use exact JSON string" warns against)
//   /open/...         seed 004: Authorization: Bearer ACCESS_KEY:SIGNATURE and X-O-Timestamp,
//                     hash_hmac('sha256', preg_replace('/\s+/', '', $timestamp . $method . $body), $secret_key)

$api_key = 'vk_live_php_endpoint';
$api_secret = 'php endpoint secret ✓';
$tenant_code = '123456';
$access_key = 'open_php_key';
$secret_key = 'open php secret';

function answer(int $http_status, array $payload): void
{
    http_response_code($http_status);
    header('Content-Type: application/json');
    echo json_encode($payload);
    exit;
}

function fail(string $code, string $message, int $http_status): void
{
    answer($http_status, ['success' => false, 'error' => ['code' => $code, 'message' => $message, 'http_status' => $http_status]]);
}

// Seed 000 sends Content-Type: application/json on every request (its example is a GET); seed 004:
// "All request bodies should have a content type of application/json".
function require_json(array $headers): void
{
    if (($headers['Content-Type'] ?? '') !== 'application/json') {
        fail('BAD_CONTENT_TYPE', 'Content-Type must be application/json', 415);
    }
}

$headers = getallheaders();
$method = $_SERVER['REQUEST_METHOD'];
$endpoint = $_SERVER['REQUEST_URI'];
$body = file_get_contents('php://input');

if (strpos($endpoint, '/open/') === 0) {
    if (!isset($headers['Authorization']) || !isset($headers['X-O-Timestamp'])) {
        fail('AUTH_MISSING', 'Authorization and X-O-Timestamp are required', 401);
    }
    if (!preg_match('/^Bearer ([^:]+):([0-9a-f]{64})$/', $headers['Authorization'], $m) || $m[1] !== $access_key) {
        fail('AUTH_INVALID', 'Authorization must be Bearer ACCESS_KEY:SIGNATURE', 401);
    }
    $client_timestamp_header = $headers['X-O-Timestamp'];
    $client_request_method = $method;
    $client_body = $body;
    $string = $client_timestamp_header . $client_request_method . $client_body;
    if ($method === 'GET') {
        $string = $client_timestamp_header . $client_request_method;
    }
    $string = preg_replace('/\s+/', '', $string);
    $REQUEST_SIGNATURE = hash_hmac('sha256', $string, $secret_key);
    if (!hash_equals($REQUEST_SIGNATURE, $m[2])) {
        fail('SIGNATURE_INVALID', 'Signature verification failed', 401);
    }
    if (abs(time() - (int) $client_timestamp_header) > 300) {
        fail('TIMESTAMP_EXPIRED', 'Request too old', 401);
    }
    require_json($headers);
    // Seed 004 shows no response format: plain JSON, not the platform's { success, data } envelope.
    answer(200, ['scheme' => 'open-legacy', 'method' => $method, 'body' => json_decode($body, true)]);
}

if (!isset($headers['X-API-Key'])) {
    fail('AUTH_MISSING_KEY', 'X-API-Key header missing', 401);
}
if ($headers['X-API-Key'] !== $api_key) {
    fail('AUTH_INVALID_KEY', 'API key not found', 401);
}
$timestamp = $headers['X-Timestamp'] ?? '';
if (!ctype_digit($timestamp) || abs(time() - (int) $timestamp) > 300) {
    fail('TIMESTAMP_EXPIRED', 'Request too old (>5 min)', 401);
}
$signed_body = $body;
if (strpos($endpoint, '/reencoded/') === 0 && $body !== '') {
    $signed_body = json_encode(json_decode($body, true));
}
$signature_string = $timestamp . $method . $endpoint . $signed_body;
$signature = hash_hmac('sha256', $signature_string, $api_secret);
if (!hash_equals($signature, $headers['X-Signature'] ?? '')) {
    fail('HMAC_INVALID', 'Signature verification failed', 401);
}
// "X-Admin-Code is sent as header only, not in HMAC calculation"; a later page calls it X-Tenant-Code.
if (($headers['X-Admin-Code'] ?? $headers['X-Tenant-Code'] ?? null) !== $tenant_code) {
    fail('AUTH_INVALID_ADMIN_CODE', 'Admin code does not match', 401);
}
require_json($headers);

answer(200, ['success' => true, 'data' => [
    'scheme' => 'vistarkriya',
    'method' => $method,
    'endpoint' => $endpoint,
    'body' => $body === '' ? null : json_decode($body, true),
    'balance' => 15420.50,
    'currency' => 'INR',
    'last_updated' => '2024-02-20T10:30:00Z',
]]);
