import bcrypt from 'bcrypt';

export const hashPassword = (password: string, cost: number) => bcrypt.hash(password, cost);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

// Compared against when the login names nobody, so that both cases take the same time.
const DUMMY_HASH = '$2b$12$C6UzMDM.H6dfI/f/IKcEeO5Q0DJVwM1FEqX0vQmYvQ9n1pXoRrX8S';
export const burnPasswordCheck = (password: string) => bcrypt.compare(password, DUMMY_HASH);
