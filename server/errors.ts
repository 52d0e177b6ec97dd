/** An expected failure caused by the caller's input: answered as 4xx naming the field. */
export class InputError extends Error {
  constructor(
    readonly statusCode: 400 | 404 | 409 | 422,
    readonly path: string,
    message: string
  ) {
    super(message);
    this.name = 'InputError';
  }
}
