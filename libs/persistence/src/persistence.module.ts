import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { openServiceDataSource, type ServiceDataSourceOptions } from './data-source.js';

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Provides the service's DataSource (schema created, migrations run) under the `DataSource` token. */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(options: ServiceDataSourceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [{ provide: DataSource, useFactory: () => openServiceDataSource(options) }, DataSourceCloser],
      exports: [DataSource],
    };
  }
}
