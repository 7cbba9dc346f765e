/**
 * Where the server is reached from outside ({@link tw.training.address.PublicUrl}): the address printed on
 * certificates, in their QR codes and in every identifier the server hands out (credentials, CASE items, xAPI).
 */
package tw.training.address;
