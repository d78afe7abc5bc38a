// The sizes the MCP server accepts and returns, in one place (the README states them).

/**
 * The largest MCP message accepted, over HTTP and stdio alike: room for SendGrid's 30 MB mail limit
 * once base64 and JSON have added their third.
 */
export const MAX_MESSAGE_BYTES = 48 * 1024 * 1024;
