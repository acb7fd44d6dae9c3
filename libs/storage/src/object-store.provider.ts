import type { Provider } from '@nestjs/common';
import { ObjectStore } from './object-store.js';

export interface ObjectStoreSettings {
  MINIO_ENDPOINT: string;
  MINIO_PORT: number;
  MINIO_ACCESS_KEY: string;
  MINIO_SECRET_KEY: string;
}

/** The `ObjectStore` provider of a service, from its validated config. */
export function objectStoreProvider(config: ObjectStoreSettings): Provider {
  return {
    provide: ObjectStore,
    useFactory: () =>
      new ObjectStore({
        endPoint: config.MINIO_ENDPOINT,
        port: config.MINIO_PORT,
        accessKey: config.MINIO_ACCESS_KEY,
        secretKey: config.MINIO_SECRET_KEY,
      }),
  };
}
