// The key a flow refers to a shared resource by, as the resource forms check it (the server checks it again).

export const resourceKeyPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
